package org.flowcast.app.dashboard.viewmodel;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.flowcast.app.dashboard.data.CorridorData;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;

/**
 * How the dashboard writes times: PeMS local time with its zone wherever a person reads a time (the zone changes with
 * daylight saving, and a forecast across the change would otherwise read an hour off); bare clock times only on chart axes,
 * whose labels name the zone.
 */
public final class DashboardText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ROOT)
            .withZone(PemsTime.ZONE);
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

    /** A time with its day and zone, e.g. {@code Wed 8 Mar 2023 17:30 PST}. */
    public static String when(Instant t) {
        return WHEN.format(t);
    }

    /** A time as the command line writes it, with its zone, e.g. {@code 2023-03-08 17:30 PST}. */
    public static String stamp(Instant t) {
        return PemsTime.format(t);
    }

    /** A loaded corridor in a line, e.g. {@code Freeway 5-N · 20 stations · Mon 6 Mar 2023 00:00 PST – Sun 2 Apr 2023 23:55 PDT}. */
    static String describe(CorridorData corridor) {
        SensorSeries series = corridor.series();
        return (corridor.corridor().contains("-") ? "Freeway " : "") + corridor.corridor() + " · " + series.stationCount() + " stations"
                + (corridor.withoutReadings().isEmpty() ? "" : " (" + corridor.withoutReadings().size() + " without readings hidden)")
                + " · " + when(series.start()) + " – " + when(series.end().minus(DashboardSelection.STEP));
    }

    /** Minutes since the epoch: the x of the dashboard's charts. */
    static double minutes(Instant t) {
        return t.getEpochSecond() / 60.0;
    }
}
