package org.flowcast.ingest.read;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fields of one line of unquoted comma- (or tab-) separated values, found in the line's UTF-8 bytes
 * without copying them. Written for the PeMS {@code station_5min} files, whose fields are never quoted:
 * Commons CSV read them at about 420,000 rows/s, a third of what the ingest needs, because it builds a
 * string for each of the 30-odd mostly empty fields of a row. Web exports use it too, for their unquoted
 * lines: 324 files of them ingested at 64,600 rows/s through Commons CSV. Reused line after line; not
 * thread-safe.
 */
final class CommaFields {
    static final int MAX_FIELDS = 12 + 5 * 16;

    private final byte delimiter;
    private final int[] starts = new int[MAX_FIELDS + 1];
    private final int[] ends = new int[MAX_FIELDS + 1];
    private byte[] line;
    private int count;

    CommaFields() {
        this(',');
    }

    CommaFields(char delimiter) {
        this.delimiter = (byte) delimiter;
    }

    /** Splits a line of text; fields are trimmed of spaces. Returns the number of fields. */
    int split(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return split(bytes, 0, bytes.length);
    }

    /**
     * Splits the UTF-8 line {@code from} to {@code to} of {@code bytes}, which stay the caller's and must not
     * change while the fields are read; fields are trimmed of spaces. Returns the number of fields.
     */
    int split(byte[] bytes, int from, int to) {
        line = bytes;
        count = 0;
        int start = from;
        for (int i = from; i <= to && count <= MAX_FIELDS; i++) {
            if (i == to || bytes[i] == delimiter) {
                int s = start;
                int e = i;
                while (s < e && bytes[s] == ' ') {
                    s++;
                }
                while (e > s && bytes[e - 1] == ' ') {
                    e--;
                }
                starts[count] = s;
                ends[count] = e;
                count++;
                start = i + 1;
            }
        }
        return count;
    }

    int count() {
        return count;
    }

    boolean isEmpty(int field) {
        return starts[field] == ends[field];
    }

    String get(int field) {
        return new String(line, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    /** Whether the field holds exactly the bytes {@code from} to {@code to} of {@code other}. */
    boolean fieldEquals(int field, byte[] other, int from, int to) {
        return Arrays.equals(line, starts[field], ends[field], other, from, to);
    }

    /**
     * Checks a text field's width in characters without copying it out (a field of no more bytes than that is no
     * wider); the row's error where it is wider than {@code length}.
     */
    void requireAtMost(int field, String column, int length) throws RowException {
        if (ends[field] - starts[field] > length) {
            Fields.text(get(field), column, length);
        }
    }

    /** The field as a float; {@code NaN} where it is empty. */
    float number(int field, String column) throws RowException {
        if (isEmpty(field)) {
            return Float.NaN;
        }
        float fast = FastDecimal.parse(line, starts[field], ends[field]);
        return Float.isNaN(fast) ? Fields.number(get(field), column) : fast;
    }

    int integer(int field, String column) throws RowException {
        int value = 0;
        int s = starts[field];
        int e = ends[field];
        if (s == e || e - s > 9) {
            return Fields.integer(get(field), column);
        }
        for (int i = s; i < e; i++) {
            int d = line[i] - '0';
            if (d < 0 || d > 9) {
                return Fields.integer(get(field), column);
            }
            value = value * 10 + d;
        }
        return value;
    }
}
