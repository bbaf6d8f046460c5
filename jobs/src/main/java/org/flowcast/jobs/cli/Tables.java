package org.flowcast.jobs.cli;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import com.github.freva.asciitable.OverflowBehaviour;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders rows of text as a plain table for the terminal. The first column and every column with words in
 * it are left-aligned and wrapped at word boundaries after {@value #TEXT_WIDTH} characters; columns of
 * figures (no letters: numbers, "a / b / c" triples, dashes) are right-aligned and never wrapped. Given the width of the
 * terminal, the first column (file names, say) is wrapped only where the table would not fit it otherwise.
 */
public final class Tables {
    static final int TEXT_WIDTH = 40;

    private Tables() {
    }

    public static String render(List<String> header, List<List<String>> rows) {
        return render(header, rows, 0);
    }

    /**
     * As {@link #render(List, List)}, but the first column takes whatever room the others leave in {@code width} characters
     * (at least {@value #TEXT_WIDTH}); a width of 0 or less wraps it at {@value #TEXT_WIDTH} as the others.
     */
    public static String render(List<String> header, List<List<String>> rows, int width) {
        Column[] columns = new Column[header.size()];
        for (int i = 0; i < header.size(); i++) {
            int column = i;
            boolean figures = i > 0 && rows.stream().allMatch(row -> isFigure(row.get(column)));
            HorizontalAlign align = figures ? HorizontalAlign.RIGHT : HorizontalAlign.LEFT;
            columns[i] = new Column().header(header.get(i)).headerAlign(align).dataAlign(align);
            if (!figures) {
                // Room for the header, which is never wrapped mid-word.
                int room = i == 0 && width > 0 ? width - othersWidth(header, rows) : TEXT_WIDTH;
                columns[i].maxWidth(Math.max(Math.max(TEXT_WIDTH, room), header.get(i).length() + 2), OverflowBehaviour.NEWLINE);
            }
        }
        List<String[]> data = new ArrayList<>();
        for (List<String> row : rows) {
            data.add(row.toArray(String[]::new));
        }
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(columns,
                data.toArray(String[][]::new)).asString();
    }

    /** The characters every column but the first takes, with its padding and border, and the table's outer borders. */
    private static int othersWidth(List<String> header, List<List<String>> rows) {
        int total = 4; // the first column's padding and its two borders
        for (int i = 1; i < header.size(); i++) {
            int column = i;
            boolean figures = rows.stream().allMatch(row -> isFigure(row.get(column)));
            int widest = Math.max(header.get(i).length(), rows.stream().mapToInt(row -> row.get(column).length()).max().orElse(0));
            total += (figures ? widest : Math.min(widest, Math.max(TEXT_WIDTH, header.get(i).length() + 2))) + 3;
        }
        return total;
    }

    private static boolean isFigure(String cell) {
        return cell.codePoints().noneMatch(Character::isLetter);
    }
}
