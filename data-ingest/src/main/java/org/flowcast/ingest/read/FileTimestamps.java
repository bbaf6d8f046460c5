package org.flowcast.ingest.read;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The local timestamps of one file, which keeps one layout: the first timestamp read fixes it, and a row in
 * another layout is that row's error (an ISO time among {@code MM/dd/yyyy} rows is a row re-formatted by hand or
 * pasted in, whose reading would replace a real one). Layouts read: month first with {@code /}
 * (the Clearinghouse's and the web export's), year first with {@code /} or {@code -} (a spreadsheet's re-saved
 * file, ISO), a space or {@code T} before the time, seconds or none; month, day and hour with or without a leading
 * zero, as spreadsheets write them ({@code 2017/12/4 0:00}). Parsed by hand in one pass: a formatter cost more than
 * the rest of a web export's row. Times with an offset (a long CSV's {@code 2022-01-03T16:05:00Z}) name their
 * instant and are not held to the layout. One instance per file; not thread-safe.
 */
final class FileTimestamps {
    /** Every layout read, for messages. */
    static final String ACCEPTED = "MM/dd/yyyy HH:mm[:ss], yyyy/MM/dd HH:mm[:ss] or yyyy-MM-dd HH:mm[:ss] (or with T "
            + "before the time; month, day and hour with or without a leading zero)";

    private static final int YEAR_FIRST = 1;
    private static final int DASHES = 2;
    private static final int T_SEPARATOR = 4;
    private static final int SECONDS = 8;
    private static final int FRACTION = 16;
    private static final int NONE = -1;

    private int layout = NONE;
    /** The layout of the last {@link #parse}, set as it parses. */
    private int parsed;
    /** Why the last field of a layout read holds no valid time (a 30 February), else null. */
    private String invalid;

    /**
     * The local time a field gives, in the file's layout (the first call that succeeds fixes it).
     *
     * @param column the column's name, for messages
     */
    LocalDateTime parse(String field, String column) throws RowException {
        invalid = null;
        LocalDateTime time = parseAny(field);
        if (time == null) {
            throw new RowException(invalid != null ? column + " '" + field + "' is not a valid time: " + invalid
                    : column + " is not a time Flowcast reads: '" + field + "'; expected " + ACCEPTED);
        }
        requireLayout(parsed, field, column);
        return time;
    }

    private void requireLayout(int found, String field, String column) throws RowException {
        if (layout == NONE) {
            layout = found;
        } else if (found != layout) {
            throw new RowException(column + " '" + field + "' is not in the file's timestamp format " + describe(layout)
                    + " (its first row's) but " + describe(found) + "; a file keeps one format: correct the row");
        }
    }

    /** A layout as a pattern: {@code MM/dd/yyyy HH:mm:ss}, {@code yyyy-MM-dd HH:mm}, ... */
    static String describe(int layout) {
        char separator = (layout & DASHES) != 0 ? '-' : '/';
        String date = (layout & YEAR_FIRST) != 0 ? "yyyy" + separator + "MM" + separator + "dd" : "MM/dd/yyyy";
        return date + ((layout & T_SEPARATOR) != 0 ? "T" : " ") + "HH:mm" + ((layout & SECONDS) != 0 ? ":ss" : "")
                + ((layout & FRACTION) != 0 ? ".S" : "");
    }

    /** The time, with its layout in {@link #parsed}; null where the field is no time of a layout read. */
    private LocalDateTime parseAny(String s) {
        int n = s.length();
        int i = 0;
        int first = 0;
        int firstDigits = 0;
        for (; i < n && isDigit(s.charAt(i)) && firstDigits < 5; i++, firstDigits++) {
            first = first * 10 + s.charAt(i) - '0';
        }
        if (i >= n || firstDigits == 0 || (s.charAt(i) != '/' && s.charAt(i) != '-')) {
            return null;
        }
        char separator = s.charAt(i++);
        int second = 0;
        int secondDigits = 0;
        for (; i < n && isDigit(s.charAt(i)) && secondDigits < 3; i++, secondDigits++) {
            second = second * 10 + s.charAt(i) - '0';
        }
        if (i >= n || secondDigits == 0 || secondDigits > 2 || s.charAt(i) != separator) {
            return null;
        }
        i++;
        int third = 0;
        int thirdDigits = 0;
        for (; i < n && isDigit(s.charAt(i)) && thirdDigits < 5; i++, thirdDigits++) {
            third = third * 10 + s.charAt(i) - '0';
        }
        int layoutBits;
        int year;
        int month;
        int day;
        if (firstDigits == 4 && thirdDigits >= 1 && thirdDigits <= 2) {
            layoutBits = YEAR_FIRST | (separator == '-' ? DASHES : 0);
            year = first;
            month = second;
            day = third;
        } else if (separator == '/' && firstDigits <= 2 && thirdDigits == 4) {
            layoutBits = 0;
            year = third;
            month = first;
            day = second;
        } else {
            return null;
        }
        if (i >= n || (s.charAt(i) != ' ' && s.charAt(i) != 'T')) {
            return null;
        }
        if (s.charAt(i) == 'T') {
            layoutBits |= T_SEPARATOR;
        }
        i++;
        int hour = 0;
        int hourDigits = 0;
        for (; i < n && isDigit(s.charAt(i)) && hourDigits < 3; i++, hourDigits++) {
            hour = hour * 10 + s.charAt(i) - '0';
        }
        if (hourDigits == 0 || hourDigits > 2 || i + 3 > n || s.charAt(i) != ':' || !isDigit(s.charAt(i + 1))
                || !isDigit(s.charAt(i + 2))) {
            return null;
        }
        int minute = (s.charAt(i + 1) - '0') * 10 + s.charAt(i + 2) - '0';
        i += 3;
        int second60 = 0;
        int nanos = 0;
        if (i < n) {
            if (i + 3 > n || s.charAt(i) != ':' || !isDigit(s.charAt(i + 1)) || !isDigit(s.charAt(i + 2))) {
                return null;
            }
            second60 = (s.charAt(i + 1) - '0') * 10 + s.charAt(i + 2) - '0';
            layoutBits |= SECONDS;
            i += 3;
            if (i < n) {
                if (s.charAt(i) != '.' || i + 1 == n || n - i - 1 > 9) {
                    return null;
                }
                layoutBits |= FRACTION;
                int scale = 100_000_000;
                for (i++; i < n; i++, scale /= 10) {
                    if (!isDigit(s.charAt(i))) {
                        return null;
                    }
                    nanos += (s.charAt(i) - '0') * scale;
                }
            }
        }
        try {
            LocalDateTime time = LocalDateTime.of(year, month, day, hour, minute, second60, nanos);
            parsed = layoutBits;
            return time;
        } catch (DateTimeException e) {
            invalid = e.getMessage();
            return null;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
