package org.flowcast.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowcast.reports.EvaluationSummary.IntervalScores;
import org.flowcast.reports.EvaluationSummary.ModelSummary;
import org.flowcast.reports.EvaluationSummary.Protocol;
import org.flowcast.reports.EvaluationSummary.Rank;
import org.flowcast.reports.EvaluationSummary.Significance;
import org.flowcast.reports.EvaluationSummary.StationSteps;

/**
 * An {@link EvaluationSummary} of a 12-step evaluation on two stations written by hand: each model's step MAEs are
 * given and its other figures follow from them by fixed rules (RMSE = 1.5 MAE + 0.25, MAPE = MAE / 2 + 0.125,
 * averages over the finite steps, station MAEs = average + 1 and + 2), so that every number a report shows is known
 * and no two columns hold the same value.
 */
final class HandMadeSummary {
    static final int HORIZON = 12;
    static final List<Integer> STATIONS = List.of(1205330, 1205340);
    static final Instant DAY = Instant.parse("2022-01-26T08:00:00Z");

    private HandMadeSummary() {
    }

    static EvaluationSummary of(List<ModelSummary> models, List<Significance> significance, List<Rank> ranking,
                                List<Significance> againstLead) {
        return of(models, significance, ranking, againstLead, List.of());
    }

    /** The same with the per-step tests against the best model. */
    static EvaluationSummary of(List<ModelSummary> models, List<Significance> significance, List<Rank> ranking,
                                List<Significance> againstLead, List<Significance> againstBest) {
        Protocol protocol = new Protocol("hand-made corridor", STATIONS, "2022-01-01T08:00:00Z", "2022-01-29T08:00:00Z", 3615, 1205,
                1205, HORIZON, 2028, "values whose truth is 0 or missing are left out", 42, Summaries.CHRONOLOGICAL);
        return new EvaluationSummary("2026-01-01T00:00:00Z", "0.1.0", "abc1234", Map.of("java", "17"), protocol, models, significance,
                ranking, againstLead, againstBest);
    }

    /**
     * A model whose MAE at step h is {@code mae[h - 1]}, with a trace of its day when {@code traced}; its intervals at
     * 80% and 95% ({@link #intervals}) cover 81% and 94% of the values.
     */
    static ModelSummary model(String name, double[] mae, boolean traced) {
        double[] rmse = Arrays.stream(mae).map(v -> 1.5 * v + 0.25).toArray();
        double[] mape = Arrays.stream(mae).map(v -> v / 2 + 0.125).toArray();
        double average = Arrays.stream(mae).filter(Double::isFinite).average().orElse(Double.NaN);
        Map<Integer, Double> stationMae = new TreeMap<>(Map.of(STATIONS.get(0), average + 1, STATIONS.get(1), average + 2));
        Map<Integer, StationSteps> stationSteps = new TreeMap<>();
        for (int s = 0; s < STATIONS.size(); s++) {
            int offset = s + 1;
            long[] count = new long[mae.length];
            Arrays.fill(count, 1205L - s);
            stationSteps.put(STATIONS.get(s), new StationSteps(Arrays.stream(mae).map(v -> v + offset).toArray(),
                    Arrays.stream(rmse).map(v -> v + offset).toArray(), Arrays.stream(mape).map(v -> v + offset).toArray(), count));
        }
        double[] hours = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            hours[hour] = average + hour / 10.0;
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("seed", "42");
        provenance.put("codeVersion", "0.1.0");
        return new ModelSummary(name, provenance, mae, rmse, mape, average, 1.5 * average + 0.25, average / 2 + 0.125, stationMae,
                hours, new double[] {0.8, 0.95}, new double[] {0.81, 0.94}, null, traced ? trace() : null, 12345, 678.9, 2.5, 4,
                10, 0.5, stationSteps, intervals(mae));
    }

    /**
     * Intervals by fixed rules from the step MAEs: at 80% a mean width of 2.5 MAE, at 95% of 4 MAE, half-widths half
     * that, an interval score of 1.25 times the width, coverage 81% and 94% on average, less by 0.1 point a step from
     * step 6; pooled figures are the means over the finite steps.
     */
    static List<IntervalScores> intervals(double[] mae) {
        List<IntervalScores> out = new ArrayList<>();
        double[][] rules = {{0.8, 2.5, 0.81}, {0.95, 4, 0.94}};
        for (double[] rule : rules) {
            double[] width = Arrays.stream(mae).map(v -> rule[1] * v).toArray();
            double[] coverage = new double[mae.length];
            for (int h = 0; h < mae.length; h++) {
                coverage[h] = Double.isFinite(mae[h]) ? rule[2] - 0.001 * (h + 1 - 6) : Double.NaN;
            }
            double meanWidth = Arrays.stream(width).filter(Double::isFinite).average().orElse(Double.NaN);
            out.add(new IntervalScores(rule[0], Arrays.stream(width).map(w -> w / 2).toArray(), coverage, width,
                    Arrays.stream(width).map(w -> 1.25 * w).toArray(), rule[2], meanWidth, 1.25 * meanWidth));
        }
        return out;
    }

    /** Four readings 5 minutes apart, the short forecast missing at the first and the long one at the first two. */
    static Trace trace() {
        long start = DAY.getEpochSecond();
        return new Trace(STATIONS.get(0), new long[] {start, start + 300, start + 600, start + 900}, new float[] {100, 110, 120, 130},
                new float[] {Float.NaN, 108, 119, 133}, new float[] {Float.NaN, Float.NaN, 115, 125}, 6, 12);
    }

    /** Step MAEs from {@code first} growing by {@code growth} a step. */
    static double[] growing(double first, double growth) {
        double[] mae = new double[HORIZON];
        for (int h = 0; h < HORIZON; h++) {
            mae[h] = first + growth * h;
        }
        return mae;
    }
}
