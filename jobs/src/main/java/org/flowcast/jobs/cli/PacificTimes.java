package org.flowcast.jobs.cli;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.flowcast.core.PemsTime;

/** A time as a person reads it: PeMS's local time (Pacific) with its zone, {@code 2023-02-06 08:00 PST}. */
public final class PacificTimes {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
            .withZone(PemsTime.ZONE);

    private PacificTimes() {
    }

    public static String of(Instant time) {
        return FORMAT.format(time);
    }
}
