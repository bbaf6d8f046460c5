package org.flowcast.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowcast.core.SensorSeries;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.StoreException;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.reports.Backtester;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.reports.ModelRun;
import org.flowcast.reports.ReportWriter;
import org.flowcast.reports.RollingOrigin;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.reports.Summaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowcast evaluate}: backtests models on the same split and writes an accuracy report. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtests models on the evaluation protocol (chronological 60/20/20 split of the windows, the same "
                + "windows for every model) and writes a run folder with run.json, report.html, report.md and CSV tables."},
        footer = {"", "Example:", "  flowcast evaluate --models at-conv-lstm,linear-ar,historical-average,persistence --epochs 10"})
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Mixin
    SeriesSelection selection;

    @Option(names = "--models", split = ",", description = "Models to evaluate (default: all registered).")
    List<String> models;

    @Option(names = "--horizon", converter = OptionValues.HorizonSteps.class, defaultValue = "12", description = "Steps out: 12 or 24 (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--epochs", converter = OptionValues.AtLeastOne.class, defaultValue = "30", description = "Most epochs of neural models (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rolling-days", paramLabel = "K",
            description = "Rolling-origin evaluation: cut the test share into folds of K days and refit each model before each fold "
                    + "on everything before it (default: one chronological split).")
    Integer rollingDays;

    @Option(names = "--no-retrain", description = "With --rolling-days: fit each model once, before the first fold.")
    boolean noRetrain;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: ~/.flowcast/runs/<time>).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, StoreException {
        selection.validate();
        if (noRetrain && rollingDays == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--no-retrain needs --rolling-days K");
        }
        List<String> names = models == null || models.isEmpty() ? ModelRegistry.names() : models;
        for (String name : names) {
            try {
                ModelRegistry.get(name);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        SensorSeries series;
        try (FlowcastDatabase db = database.open()) {
            series = selection.read(db);
        }
        Path folder = out == null ? Path.of(System.getProperty("user.home"), ".flowcast", "runs",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))) : out;
        TrainingConfig config = TrainingConfig.defaults().withHorizon(horizon).withEpochs(epochs).withSeed(seed);
        EvaluationSummary summary = rollingDays == null
                ? evaluate(series, names, config, database.location(), spec.commandLine().getErr())
                : evaluateRolling(series, names, config, database.location(), spec.commandLine().getErr());
        ReportWriter.saveRun(summary, folder);
        ReportWriter.Written written = new ReportWriter().write(summary, folder);
        PrintWriter output = spec.commandLine().getOut();
        output.println(ReportCommand.summaryTable(summary));
        output.println("Report: " + written.html());
        output.println("Markdown: " + written.markdown() + "; tables: " + written.metricsCsv().getParent() + "/*.csv");
        return 0;
    }

    /** Backtests the models with rolling origins over the protocol's test share; progress goes to {@code err}. */
    private EvaluationSummary evaluateRolling(SensorSeries series, List<String> names, TrainingConfig config, String data, PrintWriter err) {
        if (rollingDays < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rolling-days must be at least 1, was " + rollingDays);
        }
        List<ModelRun> runs = new ArrayList<>();
        ChronologicalSplit split;
        try {
            split = new Backtester(config, TrainingListener.NONE).split(series);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage() + "; the protocol needs a week of history before each window: give more data");
        }
        RollingOrigin plan = new RollingOrigin(new Backtester(config, TrainingListener.NONE), rollingDays, !noRetrain);
        String scheme = plan.describe(plan.folds(series, config.horizon()));
        for (String name : names) {
            err.printf(Locale.ROOT, "%s: %s%n", name, scheme);
            err.flush();
            runs.add(new RollingOrigin(new Backtester(config, new EpochProgress(err, name)), rollingDays, !noRetrain)
                    .run(name, Map.of(), series, config.horizon()));
        }
        return Summaries.of(data, split, config.horizon(), config.seed(), runs, scheme);
    }

    /** Backtests the models on one split; progress goes to {@code err}. */
    static EvaluationSummary evaluate(SensorSeries series, List<String> names, TrainingConfig config, String data, PrintWriter err) {
        List<ModelRun> runs = new ArrayList<>();
        Backtester backtester = null;
        ChronologicalSplit split = null;
        for (String name : names) {
            backtester = new Backtester(config, new EpochProgress(err, name));
            if (split == null) {
                try {
                    split = backtester.split(series);
                } catch (IllegalArgumentException e) {
                    throw new CommandFailure(e.getMessage() + "; the protocol needs a week of history before each window: give more data");
                }
                err.printf(Locale.ROOT, "Evaluating on %d stations: %d training, %d validation, %d test windows%n", series.stationCount(),
                        split.trainOrigins(), split.validationOrigins(), split.testOrigins());
            }
            err.println(name + ": fitting");
            err.flush();
            runs.add(backtester.run(name, Map.of(), split));
        }
        return Summaries.of(data, split, config.horizon(), config.seed(), runs);
    }
}
