package org.flowcast.jobs.export;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A column of an exported table: its name, the type of its values and whether a row may leave it empty (null, or NaN for
 * a figure). Values are held as {@code String}, {@code Integer}, {@code Long}, {@code Float}, {@code Double},
 * {@code Instant} (a UTC instant) or {@code LocalDateTime} (a Pacific wall-clock time, as PeMS writes times).
 */
public record ExportColumn(String name, Type type, boolean nullable) {
    /** The types of exported values. */
    public enum Type { TEXT, INT, LONG, FLOAT, DOUBLE, INSTANT, LOCAL_TIME }

    static ExportColumn required(String name, Type type) {
        return new ExportColumn(name, type, false);
    }

    static ExportColumn nullable(String name, Type type) {
        return new ExportColumn(name, type, true);
    }

    /**
     * A value as text: an instant in ISO-8601 UTC ({@code 2023-04-13T14:30:00Z}), a Pacific time in ISO-8601 without an
     * offset ({@code 2023-04-13T07:30:00}), a figure as Java writes it (the shortest text that reads back as the same value).
     */
    static String text(Object value) {
        return value instanceof LocalDateTime local ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(local) : String.valueOf(value);
    }

    /** Whether a value leaves this column empty: null, or a NaN figure. */
    static boolean empty(Object value) {
        return value == null || value instanceof Float f && f.isNaN() || value instanceof Double d && d.isNaN();
    }
}
