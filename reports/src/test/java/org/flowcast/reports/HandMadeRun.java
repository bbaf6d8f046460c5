package org.flowcast.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.flowcast.core.HorizonErrors;
import org.flowcast.core.PemsTime;
import org.flowcast.core.Provenance;

/**
 * A {@link ModelRun} built by hand for one station whose true flow is always {@link #TRUTH}: at origin
 * {@code i} and step {@code h} the model misses by {@code errors[i][h - 1]} vehicles (over-forecasting), so
 * its MAE, RMSE and MAPE are known by arithmetic. A NaN error stands for a truth that is missing there,
 * which the masked metrics leave out, as the backtester does.
 */
final class HandMadeRun {
    static final int STATION = 1205330;
    static final double TRUTH = 200;
    static final Instant FIRST_ORIGIN = Instant.parse("2022-01-24T08:00:00Z");

    private HandMadeRun() {
    }

    static ModelRun of(String model, double[][] errors) {
        int horizon = errors[0].length;
        HorizonErrors all = new HorizonErrors(horizon);
        HorizonErrors[] byHour = new HorizonErrors[24];
        for (int hour = 0; hour < 24; hour++) {
            byHour[hour] = new HorizonErrors(horizon);
        }
        for (int i = 0; i < errors.length; i++) {
            for (int h = 1; h <= horizon; h++) {
                double truth = Double.isNaN(errors[i][h - 1]) ? Double.NaN : TRUTH;
                double predicted = TRUTH + (Double.isNaN(errors[i][h - 1]) ? 0 : errors[i][h - 1]);
                Instant target = FIRST_ORIGIN.plus(Duration.ofMinutes(5L * (i + h)));
                all.add(h, truth, predicted);
                byHour[ZonedDateTime.ofInstant(target, PemsTime.ZONE).getHour()].add(h, truth, predicted);
            }
        }
        double[][] originErrors = new double[errors.length][];
        for (int i = 0; i < errors.length; i++) {
            originErrors[i] = errors[i].clone();
        }
        Provenance provenance = new Provenance(model, Map.of(), FIRST_ORIGIN.minus(Duration.ofDays(14)), FIRST_ORIGIN,
                List.of(STATION), 42, "test", "unknown", "fingerprint", Map.of(), FIRST_ORIGIN, "");
        return new ModelRun(model, provenance, all, Map.of(STATION, all), byHour, originErrors, List.of(2.0, 4.0), 100, 0, 1, 0.5,
                errors.length, List.of(), List.of(), null, null);
    }

    /**
     * Errors of {@code origins} origins over {@code horizon} steps: {@code level} plus a slow wobble of ±{@code wobble}
     * from origin to origin, at {@code frequency} radians per origin (runs of different frequencies do not move in step).
     */
    static double[][] errors(int origins, int horizon, double level, double wobble, double frequency) {
        return errors(origins, horizon, step -> level, wobble, frequency);
    }

    /** The same with a level that depends on the step (1-based). */
    static double[][] errors(int origins, int horizon, IntToDoubleFunction levelAtStep, double wobble, double frequency) {
        double[][] errors = new double[origins][horizon];
        for (int i = 0; i < origins; i++) {
            for (int h = 1; h <= horizon; h++) {
                errors[i][h - 1] = levelAtStep.applyAsDouble(h) + wobble * Math.sin(frequency * i + 0.3 * h);
            }
        }
        return errors;
    }
}
