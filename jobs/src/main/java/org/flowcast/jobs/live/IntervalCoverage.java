package org.flowcast.jobs.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.store.OriginScore;
import org.flowcast.store.StoredOrigin;

/**
 * Recomputes, from a live run's stored forecasts and the flows observed at their targets, how often two kinds of interval
 * around the same forecasts held the truth: the intervals the watcher issued with each forecast (its adaptive ones, as
 * {@code forecast_score} scored them) and fixed split-conformal ones, the model's calibration half-width around the
 * forecast floored at zero flow, as {@link ConformalIntervals} makes them. A value counts once per origin and step, in the
 * period of its target time, exactly as the watcher's {@link StepScore} counts it.
 */
final class IntervalCoverage {
    private static final long STEP_SECONDS = 300;

    /** What a period's values came to under one kind of interval: values scored, inside each interval, and the widths' sums. */
    record Tally(long scored, long inside80, long inside95, double width80, double width95) {
        static final Tally EMPTY = new Tally(0, 0, 0, 0, 0);

        Tally plus(OriginScore s) {
            return new Tally(scored + s.scored(), inside80 + s.inside80(), inside95 + s.inside95(), width80 + s.width80(),
                    width95 + s.width95());
        }

        double coverage80() {
            return scored == 0 ? Double.NaN : inside80 / (double) scored;
        }

        double coverage95() {
            return scored == 0 ? Double.NaN : inside95 / (double) scored;
        }

        double meanWidth80() {
            return scored == 0 ? Double.NaN : width80 / scored;
        }

        double meanWidth95() {
            return scored == 0 ? Double.NaN : width95 / scored;
        }
    }

    /** A period's values under the fixed intervals and under the issued ones. */
    record Compared(Tally fixed, Tally issued) {
    }

    private IntervalCoverage() {
    }

    /**
     * @param origins     a live run's stored forecasts by origin
     * @param flows       the run's stations, in its order, over the targets' times
     * @param horizon     the run's steps
     * @param calibration the model's split-conformal calibration: 80% then 95%
     * @param periods     target-time periods by name
     * @return the periods by name, each with the fixed and the issued intervals' tallies
     */
    static Map<String, Compared> measure(SortedMap<Instant, StoredOrigin> origins, SensorSeries flows, int horizon,
                                         List<ConformalIntervals> calibration, Map<String, TimeRange> periods) {
        if (calibration.size() < 2) {
            throw new IllegalArgumentException("fixed intervals need the model's 80% and 95% calibration; it has " + calibration.size());
        }
        List<String> names = new ArrayList<>(periods.keySet());
        Tally[] fixed = new Tally[names.size()];
        Tally[] issued = new Tally[names.size()];
        Arrays.fill(fixed, Tally.EMPTY);
        Arrays.fill(issued, Tally.EMPTY);
        for (StoredOrigin origin : origins.values()) {
            for (int h = 1; h <= horizon; h++) {
                Instant target = origin.origin().plusSeconds(STEP_SECONDS * h);
                int period = periodOf(target, names, periods);
                int t = flows.indexOf(target);
                if (period < 0 || t < 0) {
                    continue;
                }
                float[] observed = CorridorLive.observedAt(flows, t);
                float[] values = new float[observed.length];
                for (int s = 0; s < values.length; s++) {
                    values[s] = origin.value(s, h, horizon);
                }
                fixed[period] = fixed[period].plus(StepScore.of(origin.origin(), h, target, values, observed,
                        calibration.get(0).halfWidth()[h - 1], calibration.get(1).halfWidth()[h - 1]));
                issued[period] = issued[period].plus(StepScore.of(origin.origin(), h, target, values, observed,
                        origin.halfWidth(0, h, horizon), origin.halfWidth(1, h, horizon)));
            }
        }
        Map<String, Compared> out = new LinkedHashMap<>();
        for (int p = 0; p < names.size(); p++) {
            out.put(names.get(p), new Compared(fixed[p], issued[p]));
        }
        return out;
    }

    private static int periodOf(Instant target, List<String> names, Map<String, TimeRange> periods) {
        for (int p = 0; p < names.size(); p++) {
            if (periods.get(names.get(p)).contains(target)) {
                return p;
            }
        }
        return -1;
    }
}
