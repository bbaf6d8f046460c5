package org.flowcast.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** PeMS's clock: its files, and the hours of day in reports and profiles, are California local time. */
public final class PemsTime {
    public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZONE);

    /** A time as a user reads and writes it on the command line: {@code 2022-01-03 08:00}, Pacific local time. */
    public static String format(Instant time) {
        return READABLE.format(time);
    }

    private PemsTime() {
    }
}
