package org.flowcast.app.dashboard.viewmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The attention heat map: one row per forecast origin (oldest first, the chosen origin last), one
 * column per input step, where column {@code lags - 1} is the origin itself.
 */
public record AttentionData(List<Instant> origins, float[][] weights, Duration step, String message) {

    public AttentionData {
        origins = List.copyOf(origins);
        weights = weights.clone();
    }

    public static AttentionData empty(String message) {
        return new AttentionData(List.of(), new float[0][], Duration.ofMinutes(5), message);
    }

    public int lags() {
        return weights.length == 0 ? 0 : weights[0].length;
    }

    /** The weight every input step would get if attention were flat: 1/P. */
    public double uniform() {
        return lags() == 0 ? Double.NaN : 1.0 / lags();
    }

    /** A cell's weight as a multiple of the uniform weight: 1 is flat, 2 twice the attention of a flat map. */
    public double relativeToUniform(int row, int lag) {
        return weights[row][lag] * lags();
    }

    /** The past five-minute interval a cell weighs: it starts {@code lags - 1 - lag} steps before the row's origin. */
    public Instant intervalStart(int row, int lag) {
        return origins.get(row).minus(step.multipliedBy(lags() - 1L - lag));
    }
}
