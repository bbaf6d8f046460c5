package org.flowcast.core;

import java.time.Instant;

/**
 * Realised accuracy of a corridor's model at one step over a window of target times (or at one hour of day, where
 * {@code hour} is not -1): MAE, RMSE and MAPE (%) over the observed values scored, the realised coverage of the 80% and
 * 95% intervals, their mean widths, and the targets' span; NaN where nothing was scored.
 */
public record AccuracyRow(String corridor, String model, int step, int hour, long scored, double mae, double rmse, double mape,
                          double coverage80, double coverage95, double width80, double width95, Instant from, Instant to) {
}
