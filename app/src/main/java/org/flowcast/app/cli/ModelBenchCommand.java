package org.flowcast.app.cli;
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
import org.flowcast.core.SensorSeries;
import org.flowcast.jobs.BenchmarkData;
import org.flowcast.jobs.CorridorOrder;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.ModelBenchService;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.Tables;
import org.flowcast.jobs.cli.TimeConverter;
import org.flowcast.jobs.cli.TrainingOptions;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.EpochReport;
import org.flowcast.model.neural.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowcast bench models}: the accuracy and speed benchmark of the shared notes' protocol,
 * printed as a table beside nothing but measured figures, and written as JSON.
 */
@Command(name = "models", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Model benchmark on the evaluation protocol: chronological 60/20/20 split of the windows with a week "
                + "of history, scaler fitted on training rows, Adam from 1e-3 (times 0.97 per epoch), batch 64, at most --epochs epochs "
                + "with early stopping (patience 5) on the validation MAE of the averaged weights (--average-decay); test MAE, RMSE and "
                + "MAPE at steps 3, 6, 12 (24) and pooled, masked where the "
                + "true flow is 0; parameters, training samples/s, seconds per epoch, seconds to forecast the whole test split, and "
                + "median milliseconds to forecast all stations from one origin after warm-up."})
public final class ModelBenchCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with a .npz tensor and stations.txt, or PeMS files (default: " + BenchDataset.DEFAULT + ").")
    Path data;

    @Option(names = "--db", paramLabel = "PATH|URL",
            description = "Benchmark on a Flowcast database (an H2 path or a jdbc: URL) instead of --data.")
    String db;

    @Option(names = "--stations", split = ",", paramLabel = "ID", converter = OptionValues.StationId.class,
            description = "With --db: the stations, in corridor order, kept as given (default: every mainline station with data).")
    List<Integer> stations;

    @Option(names = "--start", converter = TimeConverter.class, defaultValue = "2022-01-01T00:00",
            description = "First step of the tensor, Pacific time (default: ${DEFAULT-VALUE}).")
    Instant start;

    @Option(names = "--models", split = ",", description = "Models to run (default: all registered).")
    List<String> models;

    @Mixin
    TrainingOptions training;

    @Mixin
    SplitOptions split;

    @Option(names = "--trained-step", paramLabel = "K", converter = OptionValues.AtLeastOne.class,
            description = "Train the neural models for horizon step K alone (loss and early stopping on that step), the "
                    + "single-step model a multi-horizon one is measured against at step K (default: every step).")
    Integer trainedStep;

    @Option(names = "--json", paramLabel = "FILE", description = "Where to write the figures (default: bench-models-h<H>.json).")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, JobException {
        PrintWriter out = spec.commandLine().getOut();
        TrainingSettings settings = training.settings();
        int horizon = settings.horizon();
        Map<String, String> parameters = settings.parameters();
        EvaluationProtocol protocol = split.protocol(horizon);
        if (trainedStep != null && trainedStep > horizon) {
            throw new ParameterException(spec.commandLine(), "--trained-step must lie from 1 to the horizon "
                    + horizon + ", was " + trainedStep);
        }
        if (stations != null && db == null) {
            throw new ParameterException(spec.commandLine(), "--stations needs --db");
        }
        if (db == null) {
            data = BenchDataset.resolve(data, spec.commandLine().getOut());
        }
        if (db == null && !Files.isDirectory(data)) {
            throw new CommandFailure(data + " is not a folder; give --data with a .npz tensor or PeMS files");
        }
        List<String> chosen = models == null ? ModelRegistry.names() : models;
        training.checkedFor(chosen);
        TrainingConfig config = settings.config();
        if (trainedStep != null) {
            config = config.withTrainedStep(trainedStep);
        }
        SensorSeries series = db != null ? BenchmarkData.fromDatabase(db, stations) : BenchmarkData.load(data, start);
        String source = db != null ? db : data.toString();
        PrintWriter err = spec.commandLine().getErr();
        if ((db != null && (stations == null || stations.isEmpty())) || (db == null && !BenchmarkData.isTensor(data))) {
            CorridorOrder.warning(series).ifPresent(w -> err.println("warning: " + w));
        }
        TrainingListener progress = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport r) {
                err.printf(Locale.ROOT, "  epoch %d: train loss %.4f, validation MAE %.2f, %.0f samples/s, %.1f s%s%n",
                        r.epoch() + 1, r.trainLoss(), r.validationMae(), r.samplesPerSecond(), r.seconds(), r.best() ? " *" : "");
                err.flush();
            }

            @Override
            public void message(String text) {
                err.println("  " + text);
            }
        };
        out.printf(Locale.ROOT, "%s: %d stations, %d steps from %s, horizon %d%n", source, series.stationCount(), series.length(),
                series.start(), horizon);
        out.flush();
        ModelBenchService.Figures figures = new ModelBenchService().run(
                new ModelBenchService.Request(source, series, chosen, parameters, config, protocol), progress,
                model -> err.println(model + (parameters.isEmpty() ? ":" : " " + parameters + ":")));
        ChronologicalSplit windows = figures.split();
        out.printf(Locale.ROOT, "windows %d train / %d validation / %d test (%s)%n", windows.trainOrigins(), windows.validationOrigins(),
                windows.testOrigins(), figures.scheme());
        out.println(table(figures));
        Path target = json == null ? Path.of("bench-models-h" + horizon + ".json") : json;
        figures.writeJson(target);
        out.println("Figures written to " + target.toAbsolutePath());
        return 0;
    }

    private static String table(ModelBenchService.Figures figures) {
        int[] steps = ModelBenchService.steps(figures.horizon());
        List<String> header = new ArrayList<>(List.of("model"));
        for (int h : steps) {
            header.add("step " + h + " MAE/RMSE/MAPE");
        }
        header.addAll(List.of("average", "params", "train samples/s", "s/epoch", "epochs", "test predict s", "1 origin ms"));
        List<List<String>> rows = new ArrayList<>();
        for (ModelBenchService.ModelFigures m : figures.models()) {
            List<String> row = new ArrayList<>(List.of(m.model()));
            for (int h : steps) {
                ModelBenchService.StepErrors e = m.steps().get(h);
                row.add(triple(e.mae(), e.rmse(), e.mape()));
            }
            row.add(triple(m.maeAverage(), m.rmseAverage(), m.mapeAverage()));
            row.add(m.parameters() == 0 ? "-" : String.format(Locale.ROOT, "%,d", m.parameters()));
            row.add(Double.isNaN(m.trainSamplesPerSecond()) ? "-" : String.format(Locale.ROOT, "%,.0f", m.trainSamplesPerSecond()));
            row.add(m.epochs() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", m.secondsPerEpoch()));
            row.add(m.epochs() == 0 ? "-" : String.valueOf(m.epochs()));
            row.add(String.format(Locale.ROOT, "%.2f", m.testPredictSeconds()));
            row.add(String.format(Locale.ROOT, "%.2f", m.oneOriginMillis()));
            rows.add(row);
        }
        return Tables.render(header, rows);
    }

    private static String triple(double mae, double rmse, double mape) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.1f", mae, rmse, mape);
    }
}
