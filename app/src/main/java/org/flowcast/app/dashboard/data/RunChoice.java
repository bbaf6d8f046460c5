package org.flowcast.app.dashboard.data;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.flowcast.core.PemsTime;
import org.flowcast.core.TimeRange;

/**
 * A stored forecast run the analyst can switch to: which model, how far ahead, which origins, and the
 * corridor its model was trained for (empty where it was not one corridor's).
 */
public record RunChoice(long id, String model, int horizon, TimeRange origins, int stations, Instant createdAt, String corridor) {
    public RunChoice {
        corridor = corridor == null ? "" : corridor;
    }

    /** A run of no particular corridor. */
    public RunChoice(long id, String model, int horizon, TimeRange origins, int stations, Instant createdAt) {
        this(id, model, horizon, origins, stations, createdAt, "");
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT)
            .withZone(PemsTime.ZONE);

    /** How the model switch shows the run, e.g. {@code at-conv-lstm · 12 steps · 3 Apr – 17 Apr 2023 · run 4}. */
    public String label() {
        return model + " · " + horizon + " steps · " + DAY.format(origins.from()) + " – "
                + DAY.format(origins.to().minusSeconds(1)) + " · run " + id;
    }

    @Override
    public String toString() {
        return label();
    }
}
