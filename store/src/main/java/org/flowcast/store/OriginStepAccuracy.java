package org.flowcast.store;

import java.time.Instant;

/**
 * A row of the {@code forecast_accuracy} view: how one live origin's forecast for one step turned out over its corridor's
 * stations, once the target was observed. {@code targetHour} is the target's hour of day in Pacific time; the figures are
 * NaN where nothing was scored (MAPE: where every observed flow was 0).
 */
public record OriginStepAccuracy(String corridor, String model, long runId, Instant origin, int step, Instant target, int targetHour,
                                 int scored, double mae, double rmse, double mape, double coverage80, double coverage95) {
}
