package org.flowcast.reports;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcast.core.Channel;
import org.flowcast.core.Forecast;
import org.flowcast.core.HorizonErrors;
import org.flowcast.core.MaskedErrorSums;
import org.flowcast.core.Metric;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.BatchForecaster;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.EpochReport;
import org.flowcast.model.neural.NeuralForecaster;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.model.window.FlowMatrix;
import org.flowcast.model.window.WindowSpec;

/**
 * Evaluates any registered model on the evaluation protocol: the chronological 60/20/20 split over
 * the windows every model can form (lookback of a week and an hour, so that the weekly models fit),
 * fitted on training, stopped on validation, scored on every test origin in original units with
 * masked metrics. Every model sees exactly the same windows.
 */
public final class Backtester {
    /** The lookback every model is given: one week of history plus the input hour. */
    public static final int LOOKBACK = WindowSpec.WEEK_STEPS + 12;

    private final TrainingConfig config;
    private final TrainingListener listener;

    public Backtester(TrainingConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener;
    }

    public ChronologicalSplit split(SensorSeries series) {
        return ChronologicalSplit.of(series, LOOKBACK, config.horizon());
    }

    /** Fits and scores one model on the split. */
    public ModelRun run(String model, Map<String, String> parameters, ChronologicalSplit split) {
        List<Double> epochSeconds = new ArrayList<>();
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
                throughput[0] += report.samplesPerSecond() * report.seconds();
                throughput[1] += report.seconds();
                listener.epochFinished(report);
            }

            @Override
            public void message(String text) {
                listener.message(text);
            }
        };
        long began = System.nanoTime();
        BatchForecaster forecaster = (BatchForecaster) ModelRegistry.get(model)
                .trainer(config, parameters, recording, Optional.empty()).fit(split.train(), split.validation());
        double fitSeconds = (System.nanoTime() - began) / 1e9;
        return score(forecaster, split.test(), epochSeconds, throughput[1] > 0 ? throughput[0] / throughput[1] : Double.NaN, fitSeconds);
    }

    /** Scores a fitted model on every origin of a test slice. */
    public ModelRun score(BatchForecaster forecaster, SensorSeries test, List<Double> epochSeconds, double samplesPerSecond,
                          double fitSeconds) {
        int horizon = forecaster.horizonSteps();
        List<Instant> origins = new ArrayList<>();
        for (int t = LOOKBACK - 1; t + horizon < test.length(); t++) {
            origins.add(test.timeAt(t));
        }
        long began = System.nanoTime();
        List<Forecast> forecasts = forecaster.predictAll(test, origins);
        double predictSeconds = (System.nanoTime() - began) / 1e9;
        HorizonErrors errors = new HorizonErrors(horizon);
        Map<Integer, HorizonErrors> byStation = new HashMap<>();
        HorizonErrors[] byHour = new HorizonErrors[24];
        for (int i = 0; i < 24; i++) {
            byHour[i] = new HorizonErrors(horizon);
        }
        double[][] originErrors = new double[forecasts.size()][horizon];
        int[] ids = test.stationIds();
        for (int i = 0; i < forecasts.size(); i++) {
            Forecast f = forecasts.get(i);
            int t = test.indexOf(f.origin());
            for (int h = 1; h <= horizon; h++) {
                MaskedErrorSums originSums = new MaskedErrorSums();
                int hour = ZonedDateTime.ofInstant(f.targetTime(h), FlowMatrix.PACIFIC).getHour();
                for (int s = 0; s < f.stationCount(); s++) {
                    float truth = test.value(t + h, s, Channel.FLOW);
                    float predicted = f.value(h, s);
                    errors.add(h, truth, predicted);
                    byStation.computeIfAbsent(ids[s], k -> new HorizonErrors(horizon)).add(h, truth, predicted);
                    byHour[hour].add(h, truth, predicted);
                    originSums.add(truth, predicted);
                }
                originErrors[i][h - 1] = Metric.MAE.of(originSums);
            }
        }
        long parameters = forecaster instanceof NeuralForecaster neural ? neural.parameterCount() : 0;
        return new ModelRun(forecaster.modelName(), forecaster.provenance(), errors, byStation, byHour, originErrors, epochSeconds,
                samplesPerSecond, parameters, fitSeconds, predictSeconds, origins.size());
    }
}
