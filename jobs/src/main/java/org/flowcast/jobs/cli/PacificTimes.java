package org.flowcast.jobs.cli;

import java.time.Instant;
import org.flowcast.core.PemsTime;

/** A time as a person reads it: PeMS's local time (Pacific) with its zone, {@code 2023-02-06 08:00 PST} (as {@link PemsTime}). */
public final class PacificTimes {
    private PacificTimes() {
    }

    public static String of(Instant time) {
        return PemsTime.formatWithZone(time);
    }
}
