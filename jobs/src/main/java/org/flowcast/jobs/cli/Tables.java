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
 * figures (no letters: numbers, "a / b / c" triples, dashes) are right-aligned and never wrapped.
 */
public final class Tables {
    static final int TEXT_WIDTH = 40;

    private Tables() {
    }

    public static String render(List<String> header, List<List<String>> rows) {
        Column[] columns = new Column[header.size()];
        for (int i = 0; i < header.size(); i++) {
            int column = i;
            boolean figures = i > 0 && rows.stream().allMatch(row -> isFigure(row.get(column)));
            HorizontalAlign align = figures ? HorizontalAlign.RIGHT : HorizontalAlign.LEFT;
            columns[i] = new Column().header(header.get(i)).headerAlign(align).dataAlign(align);
            if (!figures) {
                // Room for the header, which is never wrapped mid-word.
                columns[i].maxWidth(Math.max(TEXT_WIDTH, header.get(i).length() + 2), OverflowBehaviour.NEWLINE);
            }
        }
        List<String[]> data = new ArrayList<>();
        for (List<String> row : rows) {
            data.add(row.toArray(String[]::new));
        }
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(columns,
                data.toArray(String[][]::new)).asString();
    }

    private static boolean isFigure(String cell) {
        return cell.codePoints().noneMatch(Character::isLetter);
    }
}
