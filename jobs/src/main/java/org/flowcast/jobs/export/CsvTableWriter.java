package org.flowcast.jobs.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A table as CSV (RFC 4180 quoting, lines ended by a line feed): a header of the column names, then a line per row, an
 * empty field where a value is absent. The caller owns the stream: closing this writer only flushes it.
 */
final class CsvTableWriter implements TableWriter {
    private final Writer out;
    private final int columns;

    CsvTableWriter(Writer out, List<ExportColumn> columns) throws IOException {
        this.out = out;
        this.columns = columns.size();
        line(columns.stream().map(ExportColumn::name).toArray());
    }

    @Override
    public void row(Object[] values) throws IOException {
        if (values.length != columns) {
            throw new IllegalArgumentException(values.length + " values for " + columns + " columns");
        }
        line(values);
    }

    private void line(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            if (!ExportColumn.empty(values[i])) {
                out.write(field(ExportColumn.text(values[i])));
            }
        }
        out.write('\n');
    }

    private static String field(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
