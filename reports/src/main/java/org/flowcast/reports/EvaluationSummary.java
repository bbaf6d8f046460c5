package org.flowcast.reports;

import java.util.List;
import java.util.Map;

/**
 * Everything a report shows of one evaluation run, as plain numbers (written as {@code run.json} so
 * that {@code flowcast report} can render it again): the protocol, each model's metrics and training
 * figures, and the significance tests.
 */
public record EvaluationSummary(String createdAt, String codeVersion, String codeCommit, Map<String, String> environment,
                                Protocol protocol, List<ModelSummary> models,
                                List<Significance> significance, List<Rank> ranking, List<Significance> againstLead,
                                List<Significance> againstBest) {

    /** The data and the split every model was evaluated on. */
    public record Protocol(String data, List<Integer> stationIds, String from, String to, int trainWindows, int validationWindows,
                           int testWindows, int horizon, int lookback, String masking, long seed, String scheme) {
    }

    /** One model's figures; per-step arrays are indexed by step - 1. */
    public record ModelSummary(String model, Map<String, String> provenance, double[] mae, double[] rmse, double[] mape,
                               double maeAverage, double rmseAverage, double mapeAverage, Map<Integer, Double> stationMae,
                               double[] hourMae, double[] levels, double[] coverage, double[] attentionByLag, Trace trace,
                               long parameters, double samplesPerSecond, double secondsPerEpoch, int epochs, double fitSeconds,
                               double predictSeconds, Map<Integer, StationSteps> stationSteps, List<IntervalScores> intervals) {
        /** The station × step table; empty for a run saved before it was kept. */
        @Override
        public Map<Integer, StationSteps> stationSteps() {
            return stationSteps == null ? Map.of() : stationSteps;
        }

        /** The intervals' scores at each level; empty for a run saved before they were kept (its coverage is in {@link #coverage}). */
        @Override
        public List<IntervalScores> intervals() {
            return intervals == null ? List.of() : intervals;
        }
    }

    /**
     * One nominal level's split-conformal intervals on the test range, per step (index step - 1) and pooled over every
     * step and station: the half-width calibrated on validation, the share of true values inside, the mean width (upper
     * minus lower, the lower bound floored at zero flow) and the mean interval score of Gneiting and Raftery (2007),
     * width + (2/α)·(lower − y) below the interval + (2/α)·(y − upper) above it, with α = 1 − level: lower is better,
     * and a narrow interval that misses pays for it.
     */
    public record IntervalScores(double level, double[] halfWidth, double[] coverage, double[] width, double[] score,
                                 double coverageAverage, double widthAverage, double scoreAverage) {
    }

    /** One station's errors step by step (index step - 1), with the number of values each pools. */
    public record StationSteps(double[] mae, double[] rmse, double[] mape, long[] count) {
    }

    /**
     * A Diebold–Mariano test of a model against another at one step: in {@link #significance} the best baseline there, in
     * {@link #againstBest} the model of lowest MAE there, in {@link #againstLead} (read the other way) every other model.
     */
    public record Significance(String model, String baseline, int step, double statistic, double pValue) {
    }

    /**
     * A model's place by average MAE, and a Diebold–Mariano test of its per-origin MAE (averaged over the
     * steps) against the best model's: {@code worseThanBest} where p < 0.05 and it is the less accurate.
     */
    public record Rank(int rank, String model, double maeAverage, double statistic, double pValue, boolean worseThanBest) {
    }

    /** Runs written before the ranking, the lead model's or the per-step tests against the best read back with empty lists. */
    public EvaluationSummary {
        ranking = ranking == null ? List.of() : List.copyOf(ranking);
        againstLead = againstLead == null ? List.of() : List.copyOf(againstLead);
        againstBest = againstBest == null ? List.of() : List.copyOf(againstBest);
    }
}
