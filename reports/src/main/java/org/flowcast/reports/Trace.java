package org.flowcast.reports;

/**
 * Observed flow at one station over one day beside the forecasts made {@code shortStep} and
 * {@code longStep} steps earlier (NaN where no forecast reached that time), for the report's chart.
 */
public record Trace(int stationId, long[] epochSeconds, float[] observed, float[] shortForecast, float[] longForecast,
                   int shortStep, int longStep) {
}
