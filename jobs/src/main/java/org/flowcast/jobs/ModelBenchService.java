package org.flowcast.jobs;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.flowcast.core.FlowcastVersion;
import org.flowcast.core.Forecaster;
import org.flowcast.core.Horizon;
import org.flowcast.core.Metric;
import org.flowcast.core.RunEnvironment;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.reports.Backtester;
import org.flowcast.reports.ModelRun;

/**
 * The model benchmark: fits and scores each chosen model on the protocol's split of one dataset and
 * measures how fast it trains and forecasts; the figures are values that write themselves as JSON.
 */
public final class ModelBenchService {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What to benchmark: a dataset's series, the models, their shared parameters and the training settings. */
    public record Request(String data, SensorSeries series, List<String> models, Map<String, String> parameters, TrainingConfig config,
                          EvaluationProtocol protocol) {
    }

    /** Masked errors at one step. */
    public record StepErrors(double mae, double rmse, double mape) {
    }

    /**
     * One model's figures; the per-step errors are written as {@code mae3}, {@code rmse3}, ... in JSON. Beside the training
     * samples/s over all epochs: each epoch's, their median from the third epoch on (past the JIT's warm-up; null with fewer
     * epochs) and the first epoch's share of that steady figure.
     */
    public record ModelFigures(String model, @JsonIgnore Map<Integer, StepErrors> steps, double maeAverage, double rmseAverage,
                               double mapeAverage, long parameters, double trainSamplesPerSecond, List<Double> epochSamplesPerSecond,
                               Double steadySamplesPerSecond, Double firstEpochShare, double secondsPerEpoch, int epochs,
                               double fitSeconds, double testPredictSeconds, int testOrigins, double oneOriginMillis) {
        @JsonAnyGetter
        public Map<String, Double> perStep() {
            Map<String, Double> out = new LinkedHashMap<>();
            steps.forEach((h, e) -> {
                out.put("mae" + h, e.mae());
                out.put("rmse" + h, e.rmse());
                out.put("mape" + h, e.mape());
            });
            return out;
        }
    }

    /** Everything a benchmark run measured, with where and on what. */
    public record Figures(String data, int horizon, long seed, double averageDecay, Map<String, String> parameters, String codeVersion,
                          String codeCommit, Map<String, String> environment, String numericBackend, String measuredAt,
                          String scheme, @JsonIgnore ChronologicalSplit split, List<ModelFigures> models) {
        public void writeJson(Path file) throws IOException {
            JSON.writeValue(file.toFile(), this);
        }
    }

    /** Called before each model is fitted. */
    @FunctionalInterface
    public interface Progress {
        void modelStarted(String model);
    }

    /**
     * The steps a benchmark reports: the first (where a multi-horizon model must not lose to a single-step one)
     * and the protocol's 3, 6, 12 (and 24).
     */
    public static int[] steps(int horizon) {
        return IntStream.concat(IntStream.of(1),
                Arrays.stream(Horizon.reportedSteps(horizon))).distinct().toArray();
    }

    public Figures run(Request request, TrainingListener training, Progress progress) {
        TrainingConfig config = request.config();
        Backtester backtester = new Backtester(config, training);
        ChronologicalSplit split = request.protocol().split(request.series());
        List<ModelFigures> figures = new ArrayList<>();
        for (String model : request.models()) {
            progress.modelStarted(model);
            Backtester.Fitted fitted = backtester.fit(model, request.parameters(), split);
            ModelRun run = backtester.evaluate(fitted, split);
            Map<Integer, StepErrors> steps = new LinkedHashMap<>();
            for (int h : steps(config.horizon())) {
                steps.put(h, new StepErrors(run.errors().at(Metric.MAE, h), run.errors().at(Metric.RMSE, h), run.errors().at(Metric.MAPE,
                        h)));
            }
            EpochThroughput throughput = new EpochThroughput(fitted.epochSamplesPerSecond());
            figures.add(new ModelFigures(run.model(), steps, run.errors().pooled(Metric.MAE), run.errors().pooled(Metric.RMSE),
                    run.errors().pooled(Metric.MAPE), run.parameters(), run.samplesPerSecond(), throughput.samplesPerSecond(),
                    orNull(throughput.steady()), orNull(throughput.firstEpochShare()), run.secondsPerEpoch(),
                    run.epochSeconds().size(), run.fitSeconds(), run.predictSeconds(), run.testOrigins(),
                    oneOriginMillis(fitted.forecaster(), split.test())));
        }
        return new Figures(request.data(), config.horizon(), config.seed(), config.averageDecay(), request.parameters(),
                FlowcastVersion.current(), FlowcastVersion.commit(), RunEnvironment.describe(), ModelRegistry.numericBackend(),
                Instant.now().toString(), request.protocol().describe(), split, figures);
    }

    private static Double orNull(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /**
     * Median milliseconds to forecast every station from one origin (the test split's last), after
     * warm-up: what a live forecast of the newest data costs.
     */
    static double oneOriginMillis(Forecaster forecaster, SensorSeries test) {
        // the history a live forecast job reads: the model's lookback and its warm-up for gap filling
        int from = Math.max(0, test.length() - forecaster.historySteps() - forecaster.warmUpSteps());
        SensorSeries history = test.sliceTime(from, test.length());
        List<Instant> one = List.of(history.timeAt(history.length() - 1));
        double[] millis = new double[40];
        for (int i = 0; i < 10 + millis.length; i++) {
            long t0 = System.nanoTime();
            forecaster.predictAll(history, one);
            if (i >= 10) {
                millis[i - 10] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }
}
