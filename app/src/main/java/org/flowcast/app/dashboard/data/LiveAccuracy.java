package org.flowcast.app.dashboard.data;

import java.time.Instant;
import java.util.Optional;

/**
 * A live run's realised accuracy ({@code flowcast watch} scores each forecast as its targets are observed): over the last
 * hour and the last day of targets up to the corridor's newest live step, with the model's MAE before live operation that
 * its error is held to (NaN where unknown), the run's newest step (empty before its first), the values a window
 * must have scored before it is held to that error, and whether the day's scores cover it whole (a part of a day is
 * not held to a whole day's error).
 */
public record LiveAccuracy(long runId, String corridor, String model, double referenceMae, Optional<Instant> newestStep,
                           Realised hour, Realised day, long minimumScored, boolean dayWhole) {

    /** Over one window: the values scored, their MAE and the shares inside the 80% and 95% intervals; NaN where none was scored. */
    public record Realised(long scored, double mae, double coverage80, double coverage95) {
        /** Nothing scored in the window. */
        public static final Realised NONE = new Realised(0, Double.NaN, Double.NaN, Double.NaN);
    }
}
