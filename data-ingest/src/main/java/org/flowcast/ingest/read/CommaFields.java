package org.flowcast.ingest.read;

/**
 * The fields of one line of unquoted comma- (or tab-) separated values, found without copying the line.
 * Written for the PeMS {@code station_5min} files, whose fields are never quoted: Commons CSV read
 * them at about 420,000 rows/s, a third of what the ingest needs, because it builds a string for
 * each of the 30-odd mostly empty fields of a row. Web exports use it too, for their unquoted lines:
 * 324 files of them ingested at 64,600 rows/s through Commons CSV. Reused line after line; not thread-safe.
 */
final class CommaFields {
    static final int MAX_FIELDS = 12 + 5 * 16;

    private final char delimiter;
    private final int[] starts = new int[MAX_FIELDS + 1];
    private final int[] ends = new int[MAX_FIELDS + 1];
    private String line;
    private int count;

    CommaFields() {
        this(',');
    }

    CommaFields(char delimiter) {
        this.delimiter = delimiter;
    }

    /** Splits a line; fields are trimmed of spaces. Returns the number of fields. */
    int split(String text) {
        line = text;
        count = 0;
        int start = 0;
        int length = text.length();
        for (int i = 0; i <= length && count <= MAX_FIELDS; i++) {
            if (i == length || text.charAt(i) == delimiter) {
                int s = start;
                int e = i;
                while (s < e && text.charAt(s) == ' ') {
                    s++;
                }
                while (e > s && text.charAt(e - 1) == ' ') {
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
        return line.substring(starts[field], ends[field]);
    }

    /** Checks a text field's width without copying it out; the row's error where it is wider than {@code length}. */
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
            int d = line.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return Fields.integer(get(field), column);
            }
            value = value * 10 + d;
        }
        return value;
    }
}
