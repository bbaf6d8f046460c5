package org.flowcast.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Split-conformal prediction intervals: for each horizon step, the absolute validation residuals give
 * a half-width, the ⌈(n + 1)·level⌉-th smallest, so that a new residual falls inside with at least
 * the nominal probability. Intervals are {@code forecast ± half-width}, floored at zero flow.
 */
public record ConformalIntervals(double level, double[] halfWidth) {

    /** The nominal levels every model is calibrated at: 80% and 95%. */
    public static final double[] LEVELS = {0.8, 0.95};

    /**
     * Split-conformal intervals at {@link #LEVELS} from the absolute residuals of the forecaster on every
     * origin of {@code validation} from index {@code firstOrigin} whose targets the series holds.
     */
    public static List<ConformalIntervals> calibrate(Forecaster forecaster, SensorSeries validation, int firstOrigin) {
        int horizon = forecaster.horizonSteps();
        List<Instant> origins = new ArrayList<>();
        for (int t = firstOrigin; t + horizon < validation.length(); t++) {
            origins.add(validation.timeAt(t));
        }
        List<Forecast> forecasts = forecaster.predictAll(validation, origins);
        List<double[]> residuals = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            List<Double> values = new ArrayList<>();
            for (Forecast f : forecasts) {
                int t = validation.indexOf(f.origin());
                for (int s = 0; s < f.stationCount(); s++) {
                    float truth = validation.value(t + h, s, Channel.FLOW);
                    if (Metric.counts(truth)) {
                        values.add((double) Math.abs(truth - f.value(h, s)));
                    }
                }
            }
            residuals.add(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        List<ConformalIntervals> intervals = new ArrayList<>();
        for (double level : LEVELS) {
            intervals.add(fit(level, residuals));
        }
        return intervals;
    }

    /** The forecast with an interval for each calibration whose horizon covers it. */
    public static Forecast around(Forecast forecast, List<ConformalIntervals> intervals) {
        List<PredictionInterval> bands = intervals.stream().filter(i -> i.halfWidth().length >= forecast.horizonSteps())
                .map(i -> i.around(forecast)).toList();
        return bands.isEmpty() ? forecast : forecast.withIntervals(bands);
    }

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

    /** The lower bound around a forecast value at 1-based step {@code h}: floored at zero flow. */
    public float lower(float value, int h) {
        return (float) Math.max(0, value - halfWidth[h - 1]);
    }

    /** The upper bound around a forecast value at 1-based step {@code h}. */
    public float upper(float value, int h) {
        return (float) (value + halfWidth[h - 1]);
    }

    public PredictionInterval around(Forecast forecast) {
        int steps = forecast.horizonSteps();
        int n = forecast.stationCount();
        float[][] lower = new float[steps][n];
        float[][] upper = new float[steps][n];
        for (int h = 1; h <= steps; h++) {
            for (int s = 0; s < n; s++) {
                float v = forecast.value(h, s);
                lower[h - 1][s] = lower(v, h);
                upper[h - 1][s] = upper(v, h);
            }
        }
        return new PredictionInterval(level, lower, upper);
    }
}
