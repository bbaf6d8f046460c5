package org.flowcast.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowcast.app.service.EvaluateService;
import org.flowcast.core.FlowcastHome;
import org.flowcast.core.SensorSeries;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.StoreException;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.reports.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowcast evaluate}: backtests models on the same split and writes an accuracy report. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtests models on the evaluation protocol (chronological 60/20/20 split of the windows, the same "
                + "windows for every model; or the test origins given by --test-days / --test-from) and writes a run folder with "
                + "run.json, report.html, report.md and CSV tables, among them the station x step table."},
        footer = {"", "Examples:", "  flowcast evaluate --models at-conv-lstm,linear-ar,historical-average,persistence --epochs 10",
                "  flowcast evaluate --test-days 7 --validation-share 0.15 --target 1205330   # last week as test, a paper's protocol"})
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Mixin
    SeriesSelection selection;

    @Mixin
    CorridorOptions corridors;

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

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A parameter of every model in --models, e.g. hidden=128 (see 'flowcast models'); a model that does not "
                    + "take it is refused before any data is read.")
    java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();

    @picocli.CommandLine.Mixin
    SplitOptions split;

    @Option(names = "--target", paramLabel = "STATION", converter = OptionValues.StationId.class,
            description = "Open the report with this station's step-by-step table (the paper's way of reporting one station).")
    Integer target;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: ~/.flowcast/runs/<time>); with --corridor, "
            + "one folder per corridor inside it.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, StoreException {
        selection.validate();
        if (rollingDays != null && rollingDays < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rolling-days must be at least 1, was " + rollingDays);
        }
        if (noRetrain && rollingDays == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--no-retrain needs --rolling-days K");
        }
        List<String> names = models == null || models.isEmpty() ? ModelRegistry.names() : models;
        for (String name : names) {
            try {
                ModelRegistry.get(name).checkParameters(parameters);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        org.flowcast.model.EvaluationProtocol protocol = split.protocol(horizon);
        if (rollingDays != null && protocol.test().isPresent()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rolling-days cuts the default test share into "
                    + "folds; give it without --test-days or --test-from");
        }
        corridors.validate(selection);
        Path folder = out == null ? FlowcastHome.path().resolve("runs").resolve(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))) : out;
        TrainingConfig config = TrainingConfig.defaults().withHorizon(horizon).withEpochs(epochs).withSeed(seed);
        PrintWriter err = spec.commandLine().getErr();
        EvaluateService service = new EvaluateService(name -> new EpochProgress(err, name), line -> {
            err.println(line);
            err.flush();
        });
        if (corridors.chosen()) {
            return evaluateCorridors(service, names, config, protocol, folder);
        }
        SensorSeries series;
        try (FlowcastDatabase db = database.open()) {
            series = selection.read(db);
        }
        if (target != null && series.stationIndex(target) < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--target " + target + " is not among the evaluated "
                    + "stations (" + series.stationCount() + " of them, e.g. " + series.stations().get(0).id() + ")");
        }
        EvaluateService.Request request = new EvaluateService.Request(database.location(), series, names, parameters, config, protocol);
        EvaluationSummary summary;
        try {
            summary = evaluate(service, request);
        } catch (EvaluateService.TooLittleData e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        ReportWriter.Written written = write(summary, folder);
        PrintWriter output = spec.commandLine().getOut();
        output.println(ReportCommand.summaryTable(summary));
        output.println("Report: " + written.html());
        output.println("Markdown: " + written.markdown() + "; tables: " + written.metricsCsv().getParent()
                + "/*.csv (station x step: station-steps.csv, .json)");
        return 0;
    }

    private EvaluationSummary evaluate(EvaluateService service, EvaluateService.Request request) throws EvaluateService.TooLittleData {
        return rollingDays == null ? service.onSplit(request) : service.rolling(request, rollingDays, !noRetrain);
    }

    /** Writes the run folder; {@code --target} opens the report where the station was evaluated (one corridor of several may not hold it). */
    private ReportWriter.Written write(EvaluationSummary summary, Path folder) throws IOException {
        ReportWriter.saveRun(summary, folder);
        boolean held = target != null && summary.protocol().stationIds().contains(target);
        return new ReportWriter().write(summary, folder, held ? java.util.OptionalInt.of(target) : java.util.OptionalInt.empty());
    }

    /** One evaluation per corridor, each in its own folder; a corridor that fails is reported and the others go on. */
    private int evaluateCorridors(EvaluateService service, List<String> names, TrainingConfig config,
                                  org.flowcast.model.EvaluationProtocol protocol, Path folder) throws StoreException {
        try (FlowcastDatabase db = database.open()) {
            List<org.flowcast.core.Corridor> chosen = corridors.resolve(db);
            int code = corridors.runEach(chosen, "evaluated", "evaluation", corridor -> {
                SensorSeries series = selection.read(db, corridor);
                EvaluationSummary summary = evaluate(service, new EvaluateService.Request(database.location() + " corridor "
                        + corridor.name(), series, names, parameters, config, protocol));
                ReportWriter.Written written = write(summary, folder.resolve(corridor.name()));
                EvaluationSummary.Rank best = summary.ranking().isEmpty() ? null : summary.ranking().get(0);
                return (best == null ? "" : String.format(Locale.ROOT, "best %s, MAE %.2f; ", best.model(), best.maeAverage()))
                        + folder.relativize(written.html());
            });
            spec.commandLine().getOut().println("Reports: " + folder + "/<corridor>/report.html");
            return code;
        }
    }
}
