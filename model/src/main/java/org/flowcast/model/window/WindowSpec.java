package org.flowcast.model.window;

/**
 * The shape of a training window: {@code inputSteps} recent steps (origin included) and
 * {@code horizon} target steps of flow for every station, optionally with the periodic windows of
 * Zheng et al.: the same span (input and target steps) one day and one week earlier.
 */
public record WindowSpec(int inputSteps, int horizon, boolean daily, boolean weekly) {
    public static final int DAY_STEPS = 288;
    public static final int WEEK_STEPS = 7 * DAY_STEPS;
    /** Time of day plus a one-hot day of week. */
    public static final int TIME_FEATURES = 8;

    public WindowSpec {
        if (inputSteps < 1 || horizon < 1) {
            throw new IllegalArgumentException("a window needs at least one input and one target step");
        }
    }

    /** Steps before the origin, the origin included, that a window reads. */
    public int lookback() {
        int periodic = weekly ? WEEK_STEPS : daily ? DAY_STEPS : 0;
        // The periodic span runs from (origin - period - inputSteps + 1) to (origin - period + horizon).
        return Math.max(inputSteps, periodic + inputSteps);
    }

    /** Steps of each periodic window. */
    public int periodicSteps() {
        return inputSteps + horizon;
    }

    public int recentFeatures(int stations) {
        return stations + TIME_FEATURES;
    }
}
