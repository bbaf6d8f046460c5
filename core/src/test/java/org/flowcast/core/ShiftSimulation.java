package org.flowcast.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A corridor in live operation at PeMS's scale, for measuring interval coverage across a shift: 20 stations whose
 * 5-minute flows (0–400 vehicles) follow a daily profile with morning, midday and evening peaks; a forecaster that knows
 * the profile, its errors growing with the step and the flow; forecasts made every 5 minutes from the newest origin and
 * each step scored when its target is observed, h origins later, as the live loop does. From day {@value #SHIFT_DAY}
 * on, the {@link Shift} applies while the forecaster keeps the old level. The fixed intervals are split-conformal,
 * calibrated on 3 days before the stream; the adaptive ones start from that calibration with the default settings.
 */
final class ShiftSimulation {
    static final int STATIONS = 20;
    static final int ORIGINS_PER_DAY = 288;
    static final int SHIFT_DAY = 7;
    static final int DAYS = 12;
    private static final int CALIBRATION_DAYS = 3;
    private static final double MISSING_SHARE = 0.01;
    private static final Instant START = Instant.parse("2023-03-06T08:00:00Z");

    /** What changes at the shift: observed demand as a multiple of the forecast level, and the scale of the errors. */
    record Shift(String name, double demand, double errorScale) {
        static final Shift DEMAND_UP_20_PERCENT = new Shift("demand +20%", 1.2, 1);
        static final Shift ERRORS_DOUBLED = new Shift("errors x2", 1, 2);
    }

    private final int horizon;
    private final Shift shift;
    private final Random random;
    private final double[] stationScale = new double[STATIONS];
    private final double[] stationLagHours = new double[STATIONS];

    private ShiftSimulation(int horizon, Shift shift, long seed) {
        this.horizon = horizon;
        this.shift = shift;
        this.random = new Random(seed);
        for (int s = 0; s < STATIONS; s++) {
            stationScale[s] = 140 + 160 * random.nextDouble();
            stationLagHours[s] = 0.5 * random.nextDouble();
        }
    }

    /** The coverage of fixed and adaptive intervals over {@value #DAYS} days of origins, the shift on day 7. */
    static CoverageTable run(int horizon, Shift shift, long seed) {
        return new ShiftSimulation(horizon, shift, seed).run();
    }

    private CoverageTable run() {
        List<ConformalIntervals> fixed = calibrate();
        AdaptiveIntervals adaptive = AdaptiveIntervals.start(fixed, STATIONS);
        CoverageTable table = new CoverageTable(horizon, shift.name());
        List<Integer> ids = new ArrayList<>();
        for (int s = 0; s < STATIONS; s++) {
            ids.add(1205300 + s);
        }
        // the forecasts and the half-widths issued with them, kept until their last step is observed
        Forecast[] issued = new Forecast[horizon + 1];
        List<List<ConformalIntervals>> issuedWidths = new ArrayList<>();
        for (int t = 0; t < DAYS * ORIGINS_PER_DAY; t++) {
            float[] observed = observed(t);
            // first what time t reveals: step h of the forecast made h origins ago
            for (int h = 1; h <= horizon && h <= t; h++) {
                Forecast made = issued[(t - h) % issued.length];
                table.tally(CoverageTable.Intervals.FIXED, t, made, h, observed, fixed);
                table.tally(CoverageTable.Intervals.ADAPTIVE, t, made, h, observed, issuedWidths.get((t - h) % issued.length));
                adaptive.observe(made, h, observed);
            }
            // then the forecast from origin t, with the half-widths now in force
            float[][] values = new float[horizon][STATIONS];
            for (int h = 1; h <= horizon; h++) {
                for (int s = 0; s < STATIONS; s++) {
                    values[h - 1][s] = forecast(t + h, h, s);
                }
            }
            Forecast forecast = new Forecast("simulated", START.plus(Duration.ofMinutes(5L * t)), SensorSeries.FIVE_MINUTES,
                    ids, values);
            List<ConformalIntervals> inForce = adaptive.current();
            issued[t % issued.length] = ConformalIntervals.around(forecast, inForce);
            if (issuedWidths.size() < issued.length) {
                issuedWidths.add(inForce);
            } else {
                issuedWidths.set(t % issued.length, inForce);
            }
        }
        return table;
    }

    /** Split-conformal half-widths from the absolute errors of every step over days before the stream. */
    private List<ConformalIntervals> calibrate() {
        List<double[]> residuals = new ArrayList<>();
        int origins = CALIBRATION_DAYS * ORIGINS_PER_DAY;
        for (int h = 1; h <= horizon; h++) {
            double[] errors = new double[origins * STATIONS];
            int n = 0;
            for (int t = -origins; t < 0; t++) {
                for (int s = 0; s < STATIONS; s++) {
                    float truth = observed(t, s);
                    if (Metric.counts(truth)) {
                        errors[n++] = Math.abs(truth - forecast(t, h, s));
                    }
                }
            }
            residuals.add(Arrays.copyOf(errors, n));
        }
        List<ConformalIntervals> intervals = new ArrayList<>();
        for (double level : ConformalIntervals.LEVELS) {
            intervals.add(ConformalIntervals.fit(level, residuals));
        }
        return intervals;
    }

    private float[] observed(int t) {
        float[] flows = new float[STATIONS];
        for (int s = 0; s < STATIONS; s++) {
            flows[s] = observed(t, s);
        }
        return flows;
    }

    /** The flow counted at time t: the profile, shifted from the shift on, plus noise; now and then missing. */
    private float observed(int t, int s) {
        double level = expected(t, s);
        double noise = (3 + 0.05 * level) * random.nextGaussian();
        boolean missing = random.nextDouble() < MISSING_SHARE;
        if (shifted(t)) {
            level *= shift.demand();
            noise *= shift.errorScale();
        }
        return missing ? Float.NaN : (float) Math.round(Math.min(400, Math.max(0, level + noise)));
    }

    /** The forecaster's flow for time t made h steps before: the unshifted profile and an error growing with h. */
    private float forecast(int t, int h, int s) {
        double level = expected(t, s);
        double error = (1.5 + 0.035 * level) * Math.sqrt(h / 6.0) * random.nextGaussian();
        if (shifted(t)) {
            error *= shift.errorScale();
        }
        return (float) Math.max(0, level + error);
    }

    private static boolean shifted(int t) {
        return t >= SHIFT_DAY * ORIGINS_PER_DAY;
    }

    /** The mean flow: a station's scale times a daily profile, 8% of it at night, the whole at the evening peak. */
    private double expected(int t, int s) {
        double hours = Math.floorMod(t, ORIGINS_PER_DAY) / 12.0 - stationLagHours[s];
        double profile = 0.08 + 0.8 * bump(hours, 7.75, 1.2) + 0.9 * bump(hours, 17.25, 1.6) + 0.45 * bump(hours, 12.5, 3);
        return stationScale[s] * Math.min(1, profile);
    }

    private static double bump(double hours, double peak, double width) {
        double z = (hours - peak) / width;
        return Math.exp(-0.5 * z * z);
    }
}
