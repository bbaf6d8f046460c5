package org.flowcast.app.cli;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import java.util.ArrayList;
import java.util.List;

/** Renders rows of text as a plain table for the terminal; the first column is left-aligned, the rest right. */
public final class Tables {
    private Tables() {
    }

    public static String render(List<String> header, List<List<String>> rows) {
        Column[] columns = new Column[header.size()];
        for (int i = 0; i < header.size(); i++) {
            HorizontalAlign align = i == 0 ? HorizontalAlign.LEFT : HorizontalAlign.RIGHT;
            columns[i] = new Column().header(header.get(i)).headerAlign(align).dataAlign(align);
        }
        List<String[]> data = new ArrayList<>();
        for (List<String> row : rows) {
            data.add(row.toArray(String[]::new));
        }
        return AsciiTable.builder().border(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS).data(columns, data.toArray(String[][]::new)).asString();
    }
}
