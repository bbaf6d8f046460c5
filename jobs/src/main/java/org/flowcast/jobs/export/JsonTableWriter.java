package org.flowcast.jobs.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A table as one JSON array of row objects, one object a line, keyed by column name: figures as JSON numbers (null where
 * absent), times as ISO-8601 strings. Streamed: the array is written as rows come. The caller owns the stream: closing
 * this writer only flushes it.
 */
final class JsonTableWriter implements TableWriter {
    private final JsonGenerator json;
    private final List<ExportColumn> columns;

    JsonTableWriter(Writer out, List<ExportColumn> columns) throws IOException {
        this.json = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)
                .setPrettyPrinter(new RowPerLine());
        this.columns = List.copyOf(columns);
        json.writeStartArray();
    }

    @Override
    public void row(Object[] values) throws IOException {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            json.writeFieldName(columns.get(i).name());
            Object value = values[i];
            if (ExportColumn.empty(value)) {
                json.writeNull();
            } else if (value instanceof Integer n) {
                json.writeNumber(n);
            } else if (value instanceof Long n) {
                json.writeNumber(n);
            } else if (value instanceof Float n) {
                json.writeNumber(n);
            } else if (value instanceof Double n) {
                json.writeNumber(n);
            } else {
                json.writeString(ExportColumn.text(value));
            }
        }
        json.writeEndObject();
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.writeRaw('\n');
        json.flush();
    }

    @Override
    public void close() throws IOException {
        json.flush();
    }

    /** The rows' array with one row object a line; inside a row, no spaces. */
    private static final class RowPerLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(values > 0 ? "\n]" : "]");
        }
    }
}
