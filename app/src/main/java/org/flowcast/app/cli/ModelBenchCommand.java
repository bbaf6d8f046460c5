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
import org.flowcast.jobs.PyTorchReference;
import org.flowcast.jobs.SideBySideBenchService;
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
    /** The epochs of a side-by-side when --epochs is not given: two of JIT warm-up and five steady ones. */
    private static final int SIDE_BY_SIDE_EPOCHS = 7;

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

    @Option(names = "--json", paramLabel = "FILE", description = "Where to write the figures (default: bench-models-h<H>.json, "
            + "with --against-pytorch bench-models-pytorch-h<H>.json).")
    Path json;

    @Option(names = "--against-pytorch", description = "Train each neural model beside the PyTorch reference (../shared/reference/"
            + "torch_ref.py), alternating, --pairs times, at least 7 epochs each (--epochs defaults to 7): Flowcast's median "
            + "samples/s from the 3rd epoch on (past the JIT's warm-up) over PyTorch's median epoch. Skipped with a message "
            + "where torch is absent.")
    boolean againstPytorch;

    @Option(names = "--pairs", paramLabel = "N", converter = OptionValues.AtLeastOne.class, defaultValue = "2",
            description = "With --against-pytorch: Flowcast-then-PyTorch runs per model (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(names = "--python", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
            description = "With --against-pytorch: the python that has torch (default: ${DEFAULT-VALUE}).")
    Path python;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "With --against-pytorch: the reference script (default: " + ReferenceScript.DEFAULT + ").")
    Path reference;

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
        if (againstPytorch && db != null) {
            throw new ParameterException(spec.commandLine(), "--against-pytorch compares on the Orange tensor the reference reads; "
                    + "give --data, not --db");
        }
        if (againstPytorch && trainedStep != null) {
            throw new ParameterException(spec.commandLine(), "--against-pytorch compares with the reference's training on every "
                    + "step; leave out --trained-step");
        }
        if (db == null) {
            data = BenchDataset.resolve(data, spec.commandLine().getOut());
        }
        if (db == null && !Files.isDirectory(data)) {
            throw new CommandFailure(data + " is not a folder; give --data with a .npz tensor or PeMS files");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<String> chosen = models == null ? ModelRegistry.names() : models;
        PyTorchReference torch = null;
        if (againstPytorch) {
            chosen = comparable(chosen, err);
            if (!spec.commandLine().getParseResult().hasMatchedOption("--epochs")) {
                settings = new TrainingSettings(horizon, SIDE_BY_SIDE_EPOCHS, settings.seed(), settings.averageDecay(),
                        settings.trainSeconds(), parameters);
            }
            torch = new PyTorchReference(python, ReferenceScript.resolve(reference));
            String skipped = torch.unavailable().orElse(null);
            if (skipped != null) {
                err.println("PyTorch side-by-side skipped: " + skipped);
                err.flush();
                torch = null;
            }
        }
        training.checkedFor(chosen);
        TrainingConfig config = settings.config();
        if (trainedStep != null) {
            config = config.withTrainedStep(trainedStep);
        }
        SensorSeries series = db != null ? BenchmarkData.fromDatabase(db, stations) : BenchmarkData.load(data, start);
        String source = db != null ? db : data.toString();
        if ((db != null && (stations == null || stations.isEmpty())) || (db == null && !BenchmarkData.isTensor(data))) {
            CorridorOrder.warning(series).ifPresent(w -> err.println("warning: " + w));
        }
        TrainingListener progress = progress(err);
        out.printf(Locale.ROOT, "%s: %d stations, %d steps from %s, horizon %d%n", source, series.stationCount(), series.length(),
                series.start(), horizon);
        out.flush();
        ModelBenchService.Request request = new ModelBenchService.Request(source, series, chosen, parameters, config, protocol);
        if (torch != null) {
            return sideBySide(request, torch, progress);
        }
        ModelBenchService.Figures figures = new ModelBenchService().run(request, progress,
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

    /** The chosen models the reference has a counterpart of; the others are said to be skipped. */
    private List<String> comparable(List<String> chosen, PrintWriter err) {
        if (models == null) {
            return SideBySideBenchService.comparableModels();
        }
        List<String> kept = new ArrayList<>();
        for (String model : chosen) {
            if (SideBySideBenchService.torchName(model).isPresent()) {
                kept.add(model);
            } else {
                err.println(model + ": no PyTorch counterpart, skipped by --against-pytorch");
            }
        }
        if (kept.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--against-pytorch needs a neural model among --models: "
                    + SideBySideBenchService.comparableModels());
        }
        return kept;
    }

    private Integer sideBySide(ModelBenchService.Request request, PyTorchReference torch, TrainingListener progress)
            throws IOException, JobException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SideBySideBenchService.Figures figures = new SideBySideBenchService().run(
                new SideBySideBenchService.Request(request, torch, pairs), progress, new SideBySideBenchService.Progress() {
                    @Override
                    public void started(String model, int pair, String side) {
                        err.println(model + ", pair " + pair + " of " + pairs + ", " + side + ":");
                        err.flush();
                    }

                    @Override
                    public void referenceLine(String line) {
                        if (line.startsWith("    ep ")) {
                            err.println(line);
                            err.flush();
                        }
                    }
                });
        out.println(SideBySideTable.render(figures));
        Path target = json == null ? Path.of("bench-models-pytorch-h" + figures.horizon() + ".json") : json;
        figures.writeJson(target);
        out.println("Figures written to " + target.toAbsolutePath());
        return 0;
    }

    private static TrainingListener progress(PrintWriter err) {
        return new TrainingListener() {
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
    }

    private static String table(ModelBenchService.Figures figures) {
        int[] steps = ModelBenchService.steps(figures.horizon());
        List<String> header = new ArrayList<>(List.of("model"));
        for (int h : steps) {
            header.add("step " + h + " MAE/RMSE/MAPE");
        }
        header.addAll(List.of("average", "params", "train samples/s", "steady samples/s", "s/epoch", "epochs", "test predict s",
                "1 origin ms"));
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
            row.add(m.steadySamplesPerSecond() == null ? "-" : String.format(Locale.ROOT, "%,.0f", m.steadySamplesPerSecond()));
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
