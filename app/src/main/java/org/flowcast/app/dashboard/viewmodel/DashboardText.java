package org.flowcast.app.dashboard.viewmodel;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.flowcast.core.PemsTime;

/** How the dashboard writes times: PeMS local time, as operators read it. */
public final class DashboardText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ROOT).withZone(PemsTime.ZONE);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(PemsTime.ZONE);

    private DashboardText() {
    }

    /** A chart's minutes since the epoch as a clock time, e.g. {@code 17:30}. */
    public static String clock(double epochMinutes) {
        return CLOCK.format(Instant.ofEpochSecond(Math.round(epochMinutes * 60)));
    }

    /** The time of day of an instant, e.g. {@code 17:30}. */
    public static String clock(Instant t) {
        return CLOCK.format(t);
    }

    /** A time with its day, e.g. {@code Wed 8 Mar 2023 17:30}. */
    public static String when(Instant t) {
        return WHEN.format(t);
    }

    /** Minutes since the epoch: the x of the dashboard's charts. */
    static double minutes(Instant t) {
        return t.getEpochSecond() / 60.0;
    }
}
