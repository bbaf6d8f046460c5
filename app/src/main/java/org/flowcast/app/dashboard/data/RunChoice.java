package org.flowcast.app.dashboard.data;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;

/**
 * A stored forecast run the analyst can switch to: which model, how far ahead, which origins, the corridor its model was
 * trained for (empty where it was not one corridor's), and whether it is a live run ({@code flowcast watch}), whose
 * origins grow as data arrives: the same run, read again later, ends later.
 */
public record RunChoice(long id, String model, int horizon, TimeRange origins, int stations, Instant createdAt, String corridor,
                        boolean live) {
    public RunChoice {
        corridor = corridor == null ? "" : corridor;
    }

    /** A run of a forecast job (not live). */
    public RunChoice(long id, String model, int horizon, TimeRange origins, int stations, Instant createdAt, String corridor) {
        this(id, model, horizon, origins, stations, createdAt, corridor, false);
    }

    /** A run of no particular corridor. */
    public RunChoice(long id, String model, int horizon, TimeRange origins, int stations, Instant createdAt) {
        this(id, model, horizon, origins, stations, createdAt, "");
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT)
            .withZone(PemsTime.ZONE);

    /** The run's newest origin (its origins' start where it holds none yet). */
    public Instant newestOrigin() {
        Instant last = origins.to().minus(SensorSeries.FIVE_MINUTES);
        return last.isBefore(origins.from()) ? origins.from() : last;
    }

    /**
     * How the model switch shows the run, e.g. {@code at-conv-lstm · 12 steps · 3 Apr – 17 Apr 2023 · run 4}, or for a live
     * run {@code linear-ar live · 12 steps · since 19 Feb 2023 · run 7}: one entry however far its origins have grown.
     */
    public String label() {
        if (live) {
            return model + " live · " + horizon + " steps · since " + DAY.format(origins.from()) + " · run " + id;
        }
        return model + " · " + horizon + " steps · " + DAY.format(origins.from()) + " – "
                + DAY.format(origins.to().minusSeconds(1)) + " · run " + id;
    }

    @Override
    public String toString() {
        return label();
    }
}
