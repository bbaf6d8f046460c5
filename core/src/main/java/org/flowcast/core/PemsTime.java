package org.flowcast.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * PeMS's clock: its files, and the hours of day in reports and profiles, are California local time. {@link #format} is
 * the one way a time is shown to a person (messages, tables, echoes of options); files for other systems keep ISO UTC.
 */
public final class PemsTime {
    public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT).withZone(ZONE);

    /**
     * A time as a person reads it: Pacific local time with its zone, {@code 2023-02-06 08:00 PST} ({@code PDT} in summer,
     * which also tells apart the two passes of the hour the clocks fall back). The command line reads it back as written.
     */
    public static String format(Instant time) {
        return READABLE.format(time);
    }

    private PemsTime() {
    }
}
