package org.flowcast.reports;

import java.util.List;
import java.util.Map;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.HorizonErrors;
import org.flowcast.core.Provenance;
import org.flowcast.reports.EvaluationSummary.IntervalScores;

/**
 * One model's result on a backtest: errors per horizon step, per station and per hour of day, the
 * per-origin mean absolute errors per step (for significance tests), how training went, and where
 * the model came from; split-conformal intervals fitted on validation with their scores on the test part (same
 * order: coverage, width, interval score), the mean attention per input lag for attention models (else null), and a day's trace.
 */
public record ModelRun(
        String model,
        Provenance provenance,
        HorizonErrors errors,
        Map<Integer, HorizonErrors> byStation,
        HorizonErrors[] byHourOfDay,
        double[][] originErrors,
        List<Double> epochSeconds,
        double samplesPerSecond,
        long parameters,
        double fitSeconds,
        double predictSeconds,
        int testOrigins,
        List<ConformalIntervals> intervals,
        List<IntervalScores> intervalScores,
        double[] attentionByLag,
        Trace trace) {

    public ModelRun {
        byStation = Map.copyOf(byStation);
        epochSeconds = List.copyOf(epochSeconds);
        intervals = List.copyOf(intervals);
        intervalScores = List.copyOf(intervalScores);
    }

    /** The share of test values inside each level's intervals, pooled over every step and station. */
    public double[] coverage() {
        return intervalScores.stream().mapToDouble(IntervalScores::coverageAverage).toArray();
    }

    /** The same run credited to another provenance (e.g. one that also says how it was evaluated). */
    public ModelRun withProvenance(Provenance other) {
        return new ModelRun(model, other, errors, byStation, byHourOfDay, originErrors, epochSeconds, samplesPerSecond, parameters,
                fitSeconds, predictSeconds, testOrigins, intervals, intervalScores, attentionByLag, trace);
    }

    public double secondsPerEpoch() {
        return epochSeconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
