package org.flowcast.reports;

import java.util.Arrays;
import java.util.List;
import org.flowcast.core.Forecast;
import org.flowcast.core.PredictionInterval;

/**
 * Split-conformal prediction intervals: for each horizon step, the absolute validation residuals give
 * a half-width, the ⌈(n + 1)·level⌉-th smallest, so that a new residual falls inside with at least
 * the nominal probability. Intervals are {@code forecast ± half-width}, floored at zero flow.
 */
public record ConformalIntervals(double level, double[] halfWidth) {

    /** @param residuals absolute residuals per horizon step: {@code residuals[h - 1]} */
    public static ConformalIntervals fit(double level, List<double[]> residuals) {
        double[] widths = new double[residuals.size()];
        for (int h = 0; h < widths.length; h++) {
            double[] sorted = Arrays.stream(residuals.get(h)).filter(Double::isFinite).sorted().toArray();
            if (sorted.length == 0) {
                widths[h] = Double.NaN;
                continue;
            }
            int rank = (int) Math.ceil((sorted.length + 1) * level);
            widths[h] = sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
        }
        return new ConformalIntervals(level, widths);
    }

    public PredictionInterval around(Forecast forecast) {
        int steps = forecast.horizonSteps();
        int n = forecast.stationCount();
        float[][] lower = new float[steps][n];
        float[][] upper = new float[steps][n];
        for (int h = 1; h <= steps; h++) {
            for (int s = 0; s < n; s++) {
                float v = forecast.value(h, s);
                lower[h - 1][s] = (float) Math.max(0, v - halfWidth[h - 1]);
                upper[h - 1][s] = (float) (v + halfWidth[h - 1]);
            }
        }
        return new PredictionInterval(level, lower, upper);
    }
}
