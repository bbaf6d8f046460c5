package org.flowcast.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.flowcast.core.Corridor;
import org.flowcast.core.FlowcastHome;
import org.flowcast.core.SensorSeries;
import org.flowcast.jobs.EvaluateService;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.SeriesReader;
import org.flowcast.jobs.SeriesRequest;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.TrainingOptions;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.reports.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Mixin
    TrainingOptions training;

    @Option(names = "--rolling-days", paramLabel = "K",
            description = "Rolling-origin evaluation: cut the test share into folds of K days and refit each model before each fold "
                    + "on everything before it (default: one chronological split).")
    Integer rollingDays;

    @Option(names = "--no-retrain", description = "With --rolling-days: fit each model once, before the first fold.")
    boolean noRetrain;

    @Mixin
    SplitOptions split;

    @Option(names = "--target", paramLabel = "STATION", converter = OptionValues.StationId.class,
            description = "Open the report with this station's step-by-step table (the paper's way of reporting one station).")
    Integer target;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/<time> in $FLOWCAST_HOME); with --corridor, "
            + "one folder per corridor inside it.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        SeriesRequest request = selection.request();
        if (rollingDays != null && rollingDays < 1) {
            throw new ParameterException(spec.commandLine(), "--rolling-days must be at least 1, was " + rollingDays);
        }
        if (noRetrain && rollingDays == null) {
            throw new ParameterException(spec.commandLine(), "--no-retrain needs --rolling-days K");
        }
        List<String> names = models == null || models.isEmpty() ? ModelRegistry.names() : models;
        TrainingSettings settings = training.checkedFor(names);
        EvaluationProtocol protocol = split.protocol(settings.horizon());
        if (rollingDays != null && protocol.test().isPresent()) {
            throw new ParameterException(spec.commandLine(), "--rolling-days cuts the default test share into "
                    + "folds; give it without --test-days or --test-from");
        }
        corridors.validate(request);
        Path folder = out == null ? FlowcastHome.path().resolve("runs").resolve(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))) : out;
        TrainingConfig config = settings.config();
        PrintWriter err = spec.commandLine().getErr();
        EvaluateService service = new EvaluateService(name -> new EpochProgress(err, name), line -> {
            err.println(line);
            err.flush();
        });
        if (corridors.chosen()) {
            return evaluateCorridors(service, request, names, settings, config, protocol, folder);
        }
        SensorSeries series;
        try (Workspace workspace = database.open()) {
            series = SeriesReader.read(workspace, request, w -> err.println("warning: " + w));
        }
        if (target != null && series.stationIndex(target) < 0) {
            throw new ParameterException(spec.commandLine(), "--target " + target + " is not among the evaluated "
                    + "stations (" + series.stationCount() + " of them, e.g. " + series.stations().get(0).id() + ")");
        }
        EvaluationSummary summary = evaluate(service, new EvaluateService.Request(database.location(), series, names,
                settings.parameters(), config, protocol));
        ReportWriter.Written written = EvaluateService.write(summary, folder, targetStation());
        PrintWriter output = spec.commandLine().getOut();
        output.println(ReportCommand.summaryTable(summary));
        output.println("Report: " + written.html());
        output.println("Markdown: " + written.markdown() + "; tables: " + written.metricsCsv().getParent()
                + "/*.csv (station x step: station-steps.csv, .json)");
        return 0;
    }

    private OptionalInt targetStation() {
        return target == null ? OptionalInt.empty() : OptionalInt.of(target);
    }

    private EvaluationSummary evaluate(EvaluateService service, EvaluateService.Request request) throws JobException {
        return rollingDays == null ? service.onSplit(request) : service.rolling(request, rollingDays, !noRetrain);
    }

    /** One evaluation per corridor, each in its own folder; a corridor that fails is reported and the others go on. */
    private int evaluateCorridors(EvaluateService service, SeriesRequest request, List<String> names, TrainingSettings settings,
                                  TrainingConfig config, EvaluationProtocol protocol, Path folder) throws JobException {
        try (Workspace workspace = database.open()) {
            List<Corridor> chosen = corridors.resolve(workspace);
            int code = corridors.runEach(chosen, "evaluated", "evaluation", corridor -> {
                SensorSeries series = SeriesReader.read(workspace, request, corridor);
                EvaluationSummary summary = evaluate(service, new EvaluateService.Request(database.location() + " corridor "
                        + corridor.name(), series, names, settings.parameters(), config, protocol));
                ReportWriter.Written written = EvaluateService.write(summary, folder.resolve(corridor.name()), targetStation());
                EvaluationSummary.Rank best = summary.ranking().isEmpty() ? null : summary.ranking().get(0);
                return (best == null ? "" : String.format(Locale.ROOT, "best %s, MAE %.2f; ", best.model(), best.maeAverage()))
                        + folder.relativize(written.html());
            });
            spec.commandLine().getOut().println("Reports: " + folder + "/<corridor>/report.html");
            return code;
        }
    }
}
