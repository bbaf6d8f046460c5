package org.flowcast.ingest.read;

import java.util.regex.Pattern;

/**
 * Parsing of the numbers, ids and texts found in PeMS text files; empty fields are {@code NaN}. Times are
 * {@link FileTimestamps}'.
 */
final class Fields {
    /** A number written with a decimal comma, as European spreadsheets save it: named as such when refused. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");

    private Fields() {
    }

    /**
     * A plain decimal ({@code 124}, {@code -3.5}, {@code .25}, {@code 1.2e3}) that is finite as a float;
     * Java's own literals ({@code Infinity}, {@code NaN}, {@code 100f}, {@code 100.0d}, {@code 0x1p6}),
     * which {@link Float#parseFloat} accepts, and values past a float's range are the row's error.
     */
    static float number(String field, String column) throws RowException {
        if (field.isEmpty()) {
            return Float.NaN;
        }
        // parseFloat itself, not a double cast down: that would round twice and differ in the last bit now and then
        float value = Float.parseFloat(plain(field, column));
        requireFinite(value, field, column);
        return value;
    }

    /** {@link #number} in double precision. */
    static double decimal(String field, String column) throws RowException {
        if (field.isEmpty()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(plain(field, column));
        requireFinite(value, field, column);
        return value;
    }

    private static String plain(String field, String column) throws RowException {
        String text = field.trim();
        if (!isPlainDecimal(text)) {
            throw new RowException(column + " is not a number: '" + field + "'"
                    + (DECIMAL_COMMA.matcher(text).matches() ? " (a decimal comma: write " + text.replace(',', '.') + ")" : ""));
        }
        return text;
    }

    private static void requireFinite(double value, String field, String column) throws RowException {
        if (Double.isInfinite(value)) {
            throw new RowException(column + " is out of range: '" + field + "'");
        }
    }

    /** Optional sign, digits with an optional point (at least one digit), optional exponent: nothing else. */
    static boolean isPlainDecimal(String s) {
        int i = afterSign(s, 0);
        int end = afterDigits(s, i);
        int digits = end - i;
        i = end;
        if (i < s.length() && s.charAt(i) == '.') {
            end = afterDigits(s, i + 1);
            digits += end - i - 1;
            i = end;
        }
        if (digits == 0) {
            return false;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int exponent = afterSign(s, i + 1);
            i = afterDigits(s, exponent);
            if (i == exponent) {
                return false;
            }
        }
        return i == s.length();
    }

    private static int afterSign(String s, int from) {
        return from < s.length() && (s.charAt(from) == '+' || s.charAt(from) == '-') ? from + 1 : from;
    }

    private static int afterDigits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** A station id: a positive whole number (PeMS ids are 6 to 8 digits; users' own may be smaller). */
    static int stationId(String field, String column) throws RowException {
        return positiveStationId(integer(field, column), column);
    }

    /** {@code id} where it is positive; else the row's error. */
    static int positiveStationId(int id, String column) throws RowException {
        if (id <= 0) {
            throw new RowException(column + " must be a positive station id, was " + id);
        }
        return id;
    }

    /** A text field of at most {@code length} characters (the store's column is no wider); else the row's error. */
    static String text(String field, String column, int length) throws RowException {
        if (field.length() > length) {
            throw new RowException(column + " holds at most " + length + " characters, was " + field.length() + ": '"
                    + (field.length() > 40 ? field.substring(0, 40) + "..." : field) + "'");
        }
        return field;
    }

    static int integer(String field, String column) throws RowException {
        try {
            return Integer.parseInt(field.trim());
        } catch (NumberFormatException e) {
            throw new RowException(column + " is not a whole number: '" + field + "'");
        }
    }
}
