package org.flowcast.reports;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.flowcast.core.Channel;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.core.HorizonErrors;
import org.flowcast.core.MaskedErrorSums;
import org.flowcast.core.Metric;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.EpochReport;
import org.flowcast.model.neural.TrainingListener;

/**
 * Evaluates any registered model on the evaluation protocol: the chronological 60/20/20 split over
 * the windows every model can form (lookback of a week and an hour, so that the weekly models fit),
 * fitted on training, stopped on validation, scored on every test origin in original units with
 * masked metrics, leaving out the stations never observed in the test part ({@link #neverObserved}). Every model sees
 * exactly the same windows.
 */
public final class Backtester {
    private final TrainingConfig config;
    private final TrainingListener listener;

    public Backtester(TrainingConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener;
    }

    public ChronologicalSplit split(SensorSeries series) {
        return EvaluationProtocol.of(config.horizon()).split(series);
    }

    /**
     * A model fitted on a split, with how its training went: each epoch's seconds and training samples/s (the first
     * epochs' include HotSpot's warm-up), the samples/s over all epochs, and the whole fit's seconds.
     */
    public record Fitted(Forecaster forecaster, List<Double> epochSeconds, List<Double> epochSamplesPerSecond, double samplesPerSecond,
                         double fitSeconds) {
        public Fitted {
            epochSeconds = List.copyOf(epochSeconds);
            epochSamplesPerSecond = List.copyOf(epochSamplesPerSecond);
        }

        /** A model loaded from a file rather than fitted now. */
        public static Fitted loaded(Forecaster forecaster) {
            return new Fitted(forecaster, List.of(), List.of(), Double.NaN, 0);
        }
    }

    /** Fits and scores one model on the split. */
    public ModelRun run(String model, Map<String, String> parameters, ChronologicalSplit split) {
        return evaluate(fit(model, parameters, split), split);
    }

    /** Fits one model on the training part, stopping on the validation part. */
    public Fitted fit(String model, Map<String, String> parameters, ChronologicalSplit split) {
        List<Double> epochSeconds = new ArrayList<>();
        List<Double> epochSamplesPerSecond = new ArrayList<>();
        double[] throughput = {0, 0};
        TrainingListener recording = new TrainingListener() {
            @Override
            public void epochStarted(int epoch, int maxEpochs, int batches) {
                listener.epochStarted(epoch, maxEpochs, batches);
            }

            @Override
            public void batchFinished(int epoch, int batch, double loss) {
                listener.batchFinished(epoch, batch, loss);
            }

            @Override
            public void epochFinished(EpochReport report) {
                epochSeconds.add(report.seconds());
                epochSamplesPerSecond.add(report.samplesPerSecond());
                throughput[0] += report.samplesPerSecond() * report.trainingSeconds();
                throughput[1] += report.trainingSeconds();
                listener.epochFinished(report);
            }

            @Override
            public void message(String text) {
                listener.message(text);
            }
        };
        long began = System.nanoTime();
        ForecastTrainer trainer = ModelRegistry.get(model).trainer(config, parameters, recording, Optional.empty());
        Forecaster forecaster = split.fit(trainer);
        double fitSeconds = (System.nanoTime() - began) / 1e9;
        return new Fitted(forecaster, epochSeconds, epochSamplesPerSecond, throughput[1] > 0 ? throughput[0] / throughput[1] : Double.NaN,
                fitSeconds);
    }

    /** Scores on the test part, with the intervals the model was calibrated with on the validation part. */
    public ModelRun evaluate(Fitted fitted, ChronologicalSplit split) {
        return score(fitted.forecaster(), split.test(), fitted.epochSeconds(), fitted.samplesPerSecond(), fitted.fitSeconds(),
                fitted.forecaster().calibration());
    }

    private static List<Instant> origins(SensorSeries part, int horizon) {
        List<Instant> origins = new ArrayList<>();
        for (int t = EvaluationProtocol.LOOKBACK - 1; t + horizon < part.length(); t++) {
            origins.add(part.timeAt(t));
        }
        return origins;
    }

    /** Scores a fitted model on every origin of a test slice. */
    public ModelRun score(Forecaster forecaster, SensorSeries test, List<Double> epochSeconds, double samplesPerSecond,
                          double fitSeconds, List<ConformalIntervals> intervals) {
        List<Instant> origins = origins(test, forecaster.horizonSteps());
        long began = System.nanoTime();
        List<Forecast> forecasts = forecaster.predictAll(test, origins);
        double predictSeconds = (System.nanoTime() - began) / 1e9;
        return score(forecaster, test, forecasts, epochSeconds, samplesPerSecond, fitSeconds, predictSeconds, intervals);
    }

    /** Scores forecasts already made from origins of a test slice. */
    ModelRun score(Forecaster forecaster, SensorSeries test, List<Forecast> forecasts, List<Double> epochSeconds,
                   double samplesPerSecond, double fitSeconds, double predictSeconds, List<ConformalIntervals> intervals) {
        int horizon = forecaster.horizonSteps();
        HorizonErrors errors = new HorizonErrors(horizon);
        Map<Integer, HorizonErrors> byStation = new HashMap<>();
        HorizonErrors[] byHour = new HorizonErrors[24];
        for (int i = 0; i < 24; i++) {
            byHour[i] = new HorizonErrors(horizon);
        }
        double[][] originErrors = new double[forecasts.size()][horizon];
        int[] ids = test.stationIds();
        List<Integer> never = neverObserved(test);
        boolean[] unscored = new boolean[ids.length];
        for (int s = 0; s < ids.length; s++) {
            unscored[s] = never.contains(ids[s]);
        }
        IntervalTally tally = new IntervalTally(intervals, horizon);
        double[] attention = null;
        int attentionRows = 0;
        for (int i = 0; i < forecasts.size(); i++) {
            Forecast f = forecasts.get(i);
            int t = test.indexOf(f.origin());
            for (int h = 1; h <= horizon; h++) {
                MaskedErrorSums originSums = new MaskedErrorSums();
                int hour = ZonedDateTime.ofInstant(f.targetTime(h), PemsTime.ZONE).getHour();
                for (int s = 0; s < f.stationCount(); s++) {
                    if (unscored[s]) {
                        continue;
                    }
                    float truth = test.value(t + h, s, Channel.FLOW);
                    float predicted = f.value(h, s);
                    errors.add(h, truth, predicted);
                    byStation.computeIfAbsent(ids[s], k -> new HorizonErrors(horizon)).add(h, truth, predicted);
                    byHour[hour].add(h, truth, predicted);
                    originSums.add(truth, predicted);
                    if (Metric.counts(truth)) {
                        tally.add(h, truth, predicted);
                    }
                }
                originErrors[i][h - 1] = Metric.MAE.of(originSums);
            }
            if (f.attention().isPresent()) {
                float[][] weights = f.attention().get().weights();
                if (attention == null) {
                    attention = new double[weights[0].length];
                }
                for (float[] row : weights) {
                    for (int lag = 0; lag < row.length; lag++) {
                        attention[lag] += row[lag];
                    }
                    attentionRows++;
                }
            }
        }
        if (attention != null) {
            for (int lag = 0; lag < attention.length; lag++) {
                attention[lag] /= attentionRows;
            }
        }
        long parameters = forecaster.parameterCount();
        return new ModelRun(forecaster.modelName(), forecaster.provenance(), errors, byStation, byHour, originErrors, epochSeconds,
                samplesPerSecond, parameters, fitSeconds, predictSeconds, forecasts.size(), intervals, tally.scores(), attention,
                trace(test, forecasts, horizon));
    }

    /**
     * The stations whose flow is never observed where the test part is scored (after its first week and hour of
     * history): only imputed values or none, as for a detector PeMS fills in throughout. They are left out of the scores,
     * where the imputed values, smooth and easy to forecast, gave them the lowest MAE and flattered the averages; a
     * station observed some of the time is scored on all its values, as the reference protocol does.
     */
    public static List<Integer> neverObserved(SensorSeries test) {
        List<Integer> never = new ArrayList<>();
        for (int s = 0; s < test.stationCount(); s++) {
            boolean observed = false;
            for (int t = Math.min(EvaluationProtocol.LOOKBACK, test.length()); t < test.length() && !observed; t++) {
                observed = test.isObserved(t, s, Channel.FLOW);
            }
            if (!observed) {
                never.add(test.stationIds()[s]);
            }
        }
        return List.copyOf(never);
    }

    /** The busiest station's flow on the test weekday with the most data, beside its 30-minute and longest forecasts. */
    static Trace trace(SensorSeries test, List<Forecast> forecasts, int horizon) {
        int busiest = 0;
        double best = -1;
        for (int s = 0; s < test.stationCount(); s++) {
            double sum = 0;
            for (int t = 0; t < test.length(); t++) {
                float v = test.value(t, s, Channel.FLOW);
                sum += Float.isNaN(v) ? 0 : v;
            }
            if (sum > best) {
                best = sum;
                busiest = s;
            }
        }
        Map<LocalDate, Integer> weekdaySteps = new TreeMap<>();
        for (Forecast f : forecasts) {
            ZonedDateTime local = ZonedDateTime.ofInstant(f.origin(), PemsTime.ZONE);
            if (local.getDayOfWeek().getValue() <= 5) {
                weekdaySteps.merge(local.toLocalDate(), 1, Integer::sum);
            }
        }
        LocalDate day = weekdaySteps.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(ZonedDateTime.ofInstant(test.start(), PemsTime.ZONE).toLocalDate());
        Instant from = day.atStartOfDay(PemsTime.ZONE).toInstant();
        int shortStep = Math.min(6, horizon);
        Map<Instant, Forecast> byOrigin = new HashMap<>();
        for (Forecast f : forecasts) {
            byOrigin.put(f.origin(), f);
        }
        int steps = 288;
        long[] times = new long[steps];
        float[] observed = new float[steps];
        float[] shortForecast = new float[steps];
        float[] longForecast = new float[steps];
        for (int i = 0; i < steps; i++) {
            Instant time = from.plus(test.step().multipliedBy(i));
            times[i] = time.getEpochSecond();
            int t = test.indexOf(time);
            observed[i] = t < 0 ? Float.NaN : test.value(t, busiest, Channel.FLOW);
            Forecast near = byOrigin.get(time.minus(test.step().multipliedBy(shortStep)));
            Forecast far = byOrigin.get(time.minus(test.step().multipliedBy(horizon)));
            shortForecast[i] = near == null ? Float.NaN : near.value(shortStep, busiest);
            longForecast[i] = far == null ? Float.NaN : far.value(horizon, busiest);
        }
        return new Trace(test.stationIds()[busiest], times, observed, shortForecast, longForecast, shortStep, horizon);
    }
}
