package org.flowcast.reports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.FlowcastVersion;
import org.flowcast.core.Horizon;
import org.flowcast.core.HorizonErrors;
import org.flowcast.core.Metric;
import org.flowcast.core.RunEnvironment;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.ModelRegistry;
import org.flowcast.reports.EvaluationSummary.ModelSummary;
import org.flowcast.reports.EvaluationSummary.Protocol;
import org.flowcast.reports.EvaluationSummary.Rank;
import org.flowcast.reports.EvaluationSummary.Significance;

/** Turns backtest results into an {@link EvaluationSummary}, with Diebold–Mariano tests against the best baseline. */
public final class Summaries {
    private Summaries() {
    }

    /** The protocol's scheme when nothing else is said. */
    public static final String CHRONOLOGICAL = "one chronological split of the windows, 60% training, 20% validation, 20% test";

    public static EvaluationSummary of(String data, ChronologicalSplit split, int horizon, long seed, List<ModelRun> runs) {
        return of(data, split, horizon, seed, runs, CHRONOLOGICAL);
    }

    /** A summary whose scheme says how the test origins were forecast (e.g. rolling origin). */
    public static EvaluationSummary of(String data, ChronologicalSplit split, int horizon, long seed, List<ModelRun> runs, String scheme) {
        Protocol protocol = new Protocol(data, Arrays.stream(split.train().stationIds()).boxed().toList(),
                split.train().start().toString(), split.test().end().toString(), split.trainOrigins(), split.validationOrigins(),
                split.testOrigins(), horizon, EvaluationProtocol.LOOKBACK,
                "values whose truth is 0 or missing are left out (LibCity/BasicTS masking); MAPE over non-zero truth"
                        + unscoredNote(Backtester.neverObserved(split.test())), seed, scheme);
        List<ModelSummary> models = runs.stream().map(Summaries::summarise).toList();
        return new EvaluationSummary(Instant.now().toString(), FlowcastVersion.current(), FlowcastVersion.commit(),
                RunEnvironment.describe(), protocol, models, significance(runs, horizon), ranking(runs, horizon), againstLead(runs,
                        horizon), againstBest(runs, horizon));
    }

    /**
     * What the report says of the stations left out of the scores (never observed in the test part), after the masking
     * rule it belongs to; empty where every station was observed.
     */
    public static String unscoredNote(List<Integer> stations) {
        if (stations.isEmpty()) {
            return "";
        }
        return "; " + stations.size() + " station" + (stations.size() == 1 ? " was" : "s were") + " never observed in the "
                + "test part (only imputed or missing values: " + stations.stream().limit(10).map(String::valueOf)
                .collect(Collectors.joining(", ")) + (stations.size() > 10 ? ", ..." : "") + ") and "
                + (stations.size() == 1 ? "is" : "are") + " left out of every score";
    }

    static ModelSummary summarise(ModelRun run) {
        int h = run.errors().horizonSteps();
        double[] mae = new double[h];
        double[] rmse = new double[h];
        double[] mape = new double[h];
        for (int step = 1; step <= h; step++) {
            mae[step - 1] = run.errors().at(Metric.MAE, step);
            rmse[step - 1] = run.errors().at(Metric.RMSE, step);
            mape[step - 1] = run.errors().at(Metric.MAPE, step);
        }
        Map<Integer, Double> stations = new TreeMap<>();
        run.byStation().forEach((id, errors) -> stations.put(id, errors.pooled(Metric.MAE)));
        Map<Integer, EvaluationSummary.StationSteps> stationSteps = new TreeMap<>();
        run.byStation().forEach((id, errors) -> stationSteps.put(id, stepsOf(errors)));
        double[] hours = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            hours[hour] = run.byHourOfDay()[hour].pooled(Metric.MAE);
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("dataFrom", run.provenance().dataFrom().toString());
        provenance.put("dataTo", run.provenance().dataTo().toString());
        provenance.put("seed", String.valueOf(run.provenance().seed()));
        provenance.put("codeVersion", run.provenance().codeVersion());
        provenance.put("codeCommit", run.provenance().codeCommit());
        provenance.put("dataFingerprint", run.provenance().dataFingerprint());
        new TreeMap<>(run.provenance().environment()).forEach((k, v) -> provenance.put("environment." + k, v));
        provenance.putAll(new TreeMap<>(run.provenance().config()));
        double[] levels = run.intervals().stream().mapToDouble(ConformalIntervals::level).toArray();
        return new ModelSummary(run.model(), provenance, mae, rmse, mape, run.errors().pooled(Metric.MAE), run.errors().pooled(Metric.RMSE),
                run.errors().pooled(Metric.MAPE), stations, hours, levels, run.coverage(), run.attentionByLag(), run.trace(),
                run.parameters(), run.samplesPerSecond(), run.secondsPerEpoch(), run.epochSeconds().size(), run.fitSeconds(),
                run.predictSeconds(), stationSteps, run.intervalScores());
    }

    private static EvaluationSummary.StationSteps stepsOf(HorizonErrors errors) {
        int h = errors.horizonSteps();
        double[] mae = new double[h];
        double[] rmse = new double[h];
        double[] mape = new double[h];
        long[] count = new long[h];
        for (int step = 1; step <= h; step++) {
            mae[step - 1] = errors.at(Metric.MAE, step);
            rmse[step - 1] = errors.at(Metric.RMSE, step);
            mape[step - 1] = errors.at(Metric.MAPE, step);
            count[step - 1] = errors.count(step);
        }
        return new EvaluationSummary.StationSteps(mae, rmse, mape, count);
    }


    static List<Significance> significance(List<ModelRun> runs, int horizon) {
        List<Significance> tests = new ArrayList<>();
        for (int step : Horizon.reportedSteps(horizon)) {
            ModelRun baseline = runs.stream().filter(r -> ModelRegistry.isBaseline(r.model()))
                    .min(Comparator.comparingDouble(r -> r.errors().at(Metric.MAE, step))).orElse(null);
            if (baseline == null) {
                continue;
            }
            for (ModelRun run : runs) {
                if (run == baseline) {
                    continue;
                }
                double[] a = column(run.originErrors(), step);
                double[] b = column(baseline.originErrors(), step);
                DieboldMariano dm = DieboldMariano.test(a, b, step);
                tests.add(new Significance(run.model(), baseline.model(), step, dm.statistic(), dm.pValue()));
            }
        }
        return tests;
    }

    /** Every model by average MAE, each tested against the best on its per-origin MAE averaged over the steps. */
    static List<Rank> ranking(List<ModelRun> runs, int horizon) {
        List<ModelRun> ordered = runs.stream().sorted(Comparator.comparingDouble(r -> r.errors().pooled(Metric.MAE))).toList();
        List<Rank> ranks = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ModelRun run = ordered.get(i);
            if (i == 0) {
                ranks.add(new Rank(1, run.model(), run.errors().pooled(Metric.MAE), Double.NaN, Double.NaN, false));
                continue;
            }
            DieboldMariano dm = DieboldMariano.test(rowMeans(run.originErrors()), rowMeans(ordered.get(0).originErrors()), horizon);
            ranks.add(new Rank(i + 1, run.model(), run.errors().pooled(Metric.MAE), dm.statistic(), dm.pValue(),
                    dm.pValue() < 0.05 && dm.statistic() > 0));
        }
        return ranks;
    }

    /**
     * Every model against the model of lowest MAE at each reported step (none where no model has a MAE there), on the
     * per-origin MAE at that step: the step-by-step counterpart of {@link #ranking}.
     */
    static List<Significance> againstBest(List<ModelRun> runs, int horizon) {
        List<Significance> tests = new ArrayList<>();
        for (int step : Horizon.reportedSteps(horizon)) {
            ModelRun best = runs.stream().filter(r -> Double.isFinite(r.errors().at(Metric.MAE, step)))
                    .min(Comparator.comparingDouble(r -> r.errors().at(Metric.MAE, step))).orElse(null);
            if (best == null) {
                continue;
            }
            for (ModelRun run : runs) {
                if (run != best) {
                    DieboldMariano dm = DieboldMariano.test(column(run.originErrors(), step), column(best.originErrors(), step), step);
                    tests.add(new Significance(run.model(), best.model(), step, dm.statistic(), dm.pValue()));
                }
            }
        }
        return tests;
    }

    /** The first registered model that was evaluated (the attention Conv-LSTM) against every other, at each reported step. */
    static List<Significance> againstLead(List<ModelRun> runs, int horizon) {
        ModelRun lead = ModelRegistry.names().stream().flatMap(name -> runs.stream().filter(r -> r.model().equals(name))).findFirst()
                .orElse(null);
        List<Significance> tests = new ArrayList<>();
        if (lead == null) {
            return tests;
        }
        for (int step : Horizon.reportedSteps(horizon)) {
            for (ModelRun run : runs) {
                if (run != lead) {
                    DieboldMariano dm = DieboldMariano.test(column(lead.originErrors(), step), column(run.originErrors(), step), step);
                    tests.add(new Significance(lead.model(), run.model(), step, dm.statistic(), dm.pValue()));
                }
            }
        }
        return tests;
    }

    private static double[] rowMeans(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double sum = 0;
            int n = 0;
            for (double v : rows[i]) {
                if (Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
            out[i] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }

    private static double[] column(double[][] rows, int step) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][step - 1];
        }
        return out;
    }
}
