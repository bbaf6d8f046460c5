package org.flowcast.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowcast.core.Forecaster;
import org.flowcast.core.Horizon;
import org.flowcast.core.Metric;
import org.flowcast.core.SensorSeries;
import org.flowcast.ingest.store.StoreException;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.EpochReport;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.reports.Backtester;
import org.flowcast.reports.ModelRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowcast bench models}: the accuracy and speed benchmark of the shared notes' protocol,
 * printed as a table beside nothing but measured figures, and written as JSON.
 */
@Command(name = "models", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Model benchmark on the evaluation protocol: chronological 60/20/20 split of the windows with a week "
                + "of history, scaler fitted on training rows, Adam from 1e-3 (times 0.97 per epoch), batch 64, at most --epochs epochs with early stopping "
                + "(patience 5) on the validation MAE of the averaged weights (--average-decay); test MAE, RMSE and MAPE at steps 3, 6, 12 (24) and pooled, masked where the "
                + "true flow is 0; parameters, training samples/s, seconds per epoch, seconds to forecast the whole test split, and "
                + "median milliseconds to forecast all stations from one origin after warm-up."})
public final class ModelBenchCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data/pems-d12-orange",
            description = "Folder with a .npz tensor and stations.txt, or PeMS files (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--start", converter = TimeConverter.class, defaultValue = "2022-01-01T00:00",
            description = "First step of the tensor, Pacific time (default: ${DEFAULT-VALUE}).")
    Instant start;

    @Option(names = "--models", split = ",", description = "Models to run (default: all registered).")
    List<String> models;

    @Option(names = "--horizon", converter = OptionValues.HorizonSteps.class, defaultValue = "12", description = "Steps out: 12 or 24 (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--epochs", converter = OptionValues.AtLeastOne.class, defaultValue = "30", description = "Most epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @picocli.CommandLine.Mixin
    AverageDecayOption averaging;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A parameter of every model in --models, e.g. periodicHidden=64 (see 'flowcast models'); a model that "
                    + "does not take it is refused before any training.")
    Map<String, String> parameters = new java.util.LinkedHashMap<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Where to write the figures (default: bench-models-h<H>.json).")
    Path json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, StoreException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(data)) {
            throw new CommandFailure(data + " is not a folder; give --data with a .npz tensor or PeMS files");
        }
        List<String> chosen = models == null ? ModelRegistry.names() : models;
        for (String model : chosen) {
            try {
                ModelRegistry.get(model).checkParameters(parameters);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage() + "; give --param only with --models that take it");
            }
        }
        TrainingConfig config = averaging.config(horizon, epochs, seed);
        SensorSeries series = BenchmarkData.load(data, start);
        TrainingListener progress = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport r) {
                spec.commandLine().getErr().printf(Locale.ROOT, "  epoch %d: train loss %.4f, validation MAE %.2f, %.0f samples/s, %.1f s%s%n",
                        r.epoch() + 1, r.trainLoss(), r.validationMae(), r.samplesPerSecond(), r.seconds(), r.best() ? " *" : "");
                spec.commandLine().getErr().flush();
            }

            @Override
            public void message(String text) {
                spec.commandLine().getErr().println("  " + text);
            }
        };
        Backtester backtester = new Backtester(config, progress);
        ChronologicalSplit split = backtester.split(series);
        out.printf(Locale.ROOT, "%s: %d stations, %d steps from %s; windows %d train / %d validation / %d test, horizon %d%n",
                data, series.stationCount(), series.length(), series.start(), split.trainOrigins(), split.validationOrigins(),
                split.testOrigins(), horizon);
        out.flush();
        List<ModelRun> runs = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        for (String model : chosen) {
            spec.commandLine().getErr().println(model + (parameters.isEmpty() ? ":" : " " + parameters + ":"));
            Backtester.Fitted fitted = backtester.fit(model, parameters, split);
            runs.add(backtester.evaluate(fitted, split));
            latencies.add(oneOriginMillis(fitted.forecaster(), split.test()));
        }
        int[] steps = Horizon.reportedSteps(horizon);
        List<String> header = new ArrayList<>(List.of("model"));
        for (int h : steps) {
            header.add("step " + h + " MAE/RMSE/MAPE");
        }
        header.addAll(List.of("average", "params", "train samples/s", "s/epoch", "epochs", "test predict s", "1 origin ms"));
        List<List<String>> rows = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data.toString());
        root.put("horizon", horizon);
        root.put("seed", seed);
        root.put("averageDecay", config.averageDecay());
        root.set("parameters", mapper.valueToTree(parameters));
        root.put("java", System.getProperty("java.version"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("numericBackend", ModelRegistry.numericBackend());
        root.put("measuredAt", Instant.now().toString());
        ArrayNode modelsNode = root.putArray("models");
        for (int m = 0; m < runs.size(); m++) {
            ModelRun run = runs.get(m);
            List<String> row = new ArrayList<>(List.of(run.model()));
            ObjectNode node = modelsNode.addObject();
            node.put("model", run.model());
            for (int h : steps) {
                row.add(triple(run.errors().at(Metric.MAE, h), run.errors().at(Metric.RMSE, h), run.errors().at(Metric.MAPE, h)));
                node.put("mae" + h, run.errors().at(Metric.MAE, h));
                node.put("rmse" + h, run.errors().at(Metric.RMSE, h));
                node.put("mape" + h, run.errors().at(Metric.MAPE, h));
            }
            row.add(triple(run.errors().pooled(Metric.MAE), run.errors().pooled(Metric.RMSE), run.errors().pooled(Metric.MAPE)));
            node.put("maeAverage", run.errors().pooled(Metric.MAE));
            node.put("rmseAverage", run.errors().pooled(Metric.RMSE));
            node.put("mapeAverage", run.errors().pooled(Metric.MAPE));
            row.add(run.parameters() == 0 ? "-" : String.format(Locale.ROOT, "%,d", run.parameters()));
            row.add(Double.isNaN(run.samplesPerSecond()) ? "-" : String.format(Locale.ROOT, "%,.0f", run.samplesPerSecond()));
            row.add(run.epochSeconds().isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", run.secondsPerEpoch()));
            row.add(run.epochSeconds().isEmpty() ? "-" : String.valueOf(run.epochSeconds().size()));
            row.add(String.format(Locale.ROOT, "%.2f", run.predictSeconds()));
            node.put("parameters", run.parameters());
            node.put("trainSamplesPerSecond", run.samplesPerSecond());
            node.put("secondsPerEpoch", run.secondsPerEpoch());
            node.put("epochs", run.epochSeconds().size());
            node.put("fitSeconds", run.fitSeconds());
            node.put("testPredictSeconds", run.predictSeconds());
            node.put("testOrigins", run.testOrigins());
            row.add(String.format(Locale.ROOT, "%.2f", latencies.get(m)));
            node.put("oneOriginMillis", latencies.get(m));
            rows.add(row);
        }
        out.println(Tables.render(header, rows));
        Path target = json == null ? Path.of("bench-models-h" + horizon + ".json") : json;
        mapper.writeValue(target.toFile(), root);
        out.println("Figures written to " + target.toAbsolutePath());
        return 0;
    }

    /**
     * Median milliseconds to forecast every station from one origin (the test split's last), after
     * warm-up: what a live forecast of the newest data costs.
     */
    static double oneOriginMillis(Forecaster forecaster, SensorSeries test) {
        // the history a live forecast job reads: the model's lookback and a day for gap filling
        int from = Math.max(0, test.length() - forecaster.historySteps() - org.flowcast.model.window.FlowMatrix.CARRY_LIMIT_STEPS);
        SensorSeries history = test.sliceTime(from, test.length());
        List<java.time.Instant> one = List.of(history.timeAt(history.length() - 1));
        double[] millis = new double[40];
        for (int i = 0; i < 10 + millis.length; i++) {
            long t0 = System.nanoTime();
            forecaster.predictAll(history, one);
            if (i >= 10) {
                millis[i - 10] = (System.nanoTime() - t0) / 1e6;
            }
        }
        java.util.Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    private static String triple(double mae, double rmse, double mape) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.1f", mae, rmse, mape);
    }
}
