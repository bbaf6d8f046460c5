package org.flowcast.reports;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Forecast;
import org.flowcast.core.Forecaster;
import org.flowcast.core.Provenance;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;

/**
 * Rolling-origin evaluation for users' own data: the test origins of the protocol's split are cut into
 * folds of a number of days, and before each fold the model is fitted again on everything before the
 * fold (the last quarter of it for early stopping and interval calibration), or fitted once before the
 * first fold and kept. Each fold's model forecasts only its fold's origins, so no forecast sees data
 * after its origin; errors pool over the folds, on the same origins as the chronological protocol.
 */
public final class RollingOrigin {
    private static final double FIT_SHARE = 0.75;

    private final Backtester backtester;
    private final int foldDays;
    private final boolean retrain;

    /**
     * @param foldDays days of test origins per fold (K)
     * @param retrain  refit before every fold (true) or fit once before the first (false)
     */
    public RollingOrigin(Backtester backtester, int foldDays, boolean retrain) {
        if (foldDays < 1) {
            throw new IllegalArgumentException("a fold must span at least one day, was " + foldDays);
        }
        this.backtester = backtester;
        this.foldDays = foldDays;
        this.retrain = retrain;
    }

    /** How the evaluation was done, for reports. */
    public String describe(int folds) {
        return "rolling origin over the test share: " + folds + " fold" + (folds == 1 ? "" : "s") + " of " + foldDays + " day"
                + (foldDays == 1 ? "" : "s") + (retrain ? ", the model refitted before each fold on all data before it"
                : ", the model fitted once before the first fold");
    }

    /** The number of folds a series gives. */
    public int folds(SensorSeries series, int horizon) {
        return foldStarts(series, firstTestOrigin(backtester.split(series), series), horizon).size();
    }

    /** Evaluates one model over every fold. */
    public ModelRun run(String model, Map<String, String> parameters, SensorSeries series, int horizon) {
        ChronologicalSplit protocol = backtester.split(series);
        int firstTest = firstTestOrigin(protocol, series);
        List<Integer> starts = foldStarts(series, firstTest, horizon);
        List<Forecast> forecasts = new ArrayList<>();
        List<Double> epochSeconds = new ArrayList<>();
        double fitSeconds = 0;
        double predictSeconds = 0;
        double samplesPerSecond = Double.NaN;
        Forecaster forecaster = null;
        List<ConformalIntervals> intervals = null;
        for (int f = 0; f < starts.size(); f++) {
            int from = starts.get(f);
            int to = f + 1 < starts.size() ? starts.get(f + 1) : series.length() - horizon;
            if (forecaster == null || retrain) {
                // everything known at the fold's first origin: readings up to and including it
                SensorSeries known = series.sliceTime(0, from + 1);
                ChronologicalSplit fit = ChronologicalSplit.of(known, EvaluationProtocol.LOOKBACK, horizon, FIT_SHARE, 1 - FIT_SHARE);
                Backtester.Fitted fitted = backtester.fit(model, parameters, fit);
                forecaster = fitted.forecaster();
                epochSeconds.addAll(fitted.epochSeconds());
                fitSeconds += fitted.fitSeconds();
                samplesPerSecond = fitted.samplesPerSecond();
                intervals = forecaster.calibration();
            }
            List<Instant> origins = new ArrayList<>();
            for (int t = Math.max(from, firstTest); t < to; t++) {
                origins.add(series.timeAt(t));
            }
            long began = System.nanoTime();
            forecasts.addAll(forecaster.predictAll(series, origins));
            predictSeconds += (System.nanoTime() - began) / 1e9;
        }
        SensorSeries test = protocol.test();
        ModelRun run = backtester.score(forecaster, test, forecasts, epochSeconds, samplesPerSecond, fitSeconds, predictSeconds, intervals);
        Provenance p = run.provenance();
        Map<String, String> config = new LinkedHashMap<>(p.config());
        config.put("evaluation", describe(starts.size()));
        return run.withProvenance(p.withConfig(config));
    }

    private static int firstTestOrigin(ChronologicalSplit protocol, SensorSeries series) {
        return series.length() - protocol.test().length() + EvaluationProtocol.LOOKBACK - 1;
    }

    /** Index of each fold's first origin: the first test origin, then every {@code foldDays} days. */
    private List<Integer> foldStarts(SensorSeries series, int firstTest, int horizon) {
        int lastOrigin = series.length() - horizon - 1;
        int stepsPerFold = (int) (Duration.ofDays(foldDays).toSeconds() / series.step().toSeconds());
        List<Integer> starts = new ArrayList<>();
        for (int t = firstTest; t <= lastOrigin; t += stepsPerFold) {
            starts.add(t);
        }
        return starts;
    }
}
