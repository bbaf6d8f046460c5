package org.flowcast.ingest.read;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parsing of the numbers and timestamps found in PeMS text files; empty fields are {@code NaN}. */
final class Fields {
    private static final DateTimeFormatter US_TIMESTAMP = DateTimeFormatter.ofPattern("M/d/uuuu H:mm[:ss]");
    private static final DateTimeFormatter ISO_SPACE = DateTimeFormatter.ofPattern("uuuu-MM-dd H:mm[:ss]");

    private Fields() {
    }

    static float number(String field, String column) throws RowException {
        if (field.isEmpty()) {
            return Float.NaN;
        }
        try {
            return Float.parseFloat(field);
        } catch (NumberFormatException e) {
            throw new RowException(column + " is not a number: '" + field + "'");
        }
    }

    static double decimal(String field, String column) throws RowException {
        if (field.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new RowException(column + " is not a number: '" + field + "'");
        }
    }

    static int integer(String field, String column) throws RowException {
        try {
            return Integer.parseInt(field.trim());
        } catch (NumberFormatException e) {
            throw new RowException(column + " is not a whole number: '" + field + "'");
        }
    }

    /** {@code MM/dd/yyyy HH:mm:ss} (PeMS Clearinghouse), {@code MM/dd/yyyy HH:mm} or {@code yyyy-MM-dd HH:mm:ss}. */
    static LocalDateTime timestamp(String field) throws RowException {
        if (field.length() == 19 && field.charAt(2) == '/' && field.charAt(5) == '/' && field.charAt(13) == ':') {
            // The Clearinghouse layout, parsed by position: a formatter would cost more than the rest of the row.
            try {
                return LocalDateTime.of(digits(field, 6, 10), digits(field, 0, 2), digits(field, 3, 5),
                        digits(field, 11, 13), digits(field, 14, 16), digits(field, 17, 19));
            } catch (RuntimeException e) {
                throw new RowException("Timestamp is not a valid MM/dd/yyyy HH:mm:ss time: '" + field + "'");
            }
        }
        try {
            return LocalDateTime.parse(field, field.indexOf('/') > 0 ? US_TIMESTAMP : ISO_SPACE);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(field);
            } catch (DateTimeParseException e2) {
                throw new RowException("Timestamp is not a time of the form MM/dd/yyyy HH:mm:ss: '" + field + "'");
            }
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException(s);
            }
            value = value * 10 + d;
        }
        return value;
    }
}
