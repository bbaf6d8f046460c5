package org.flowcast.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.view.DashboardStage;
import org.flowcast.core.PemsTime;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.jobs.ForecastRunService;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.DurationConverter;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.Tables;
import org.flowcast.jobs.live.WatchService;
import org.flowcast.jobs.live.WatchSettings;
import org.flowcast.jobs.live.WatchStatusReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowcast watch}: live operation on an inbox folder. */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Live operation: ingests the PeMS files that land in INBOX (any format 'ingest' reads; a live feed's files "
                + "hold the newest 5-minute interval of many stations) and, for every new 5-minute step, has every watched "
                + "corridor's model score the forecasts whose targets came, update its adaptive 80/95%% intervals, and forecast "
                + "the next steps from the newest origin; each step of each corridor is committed as one, so a watcher killed at "
                + "any moment and started again goes on where it stopped. Read files move to INBOX/done, refused ones to "
                + "INBOX/failed with a .reason file.",
            "A file is read once complete: names starting with '.' or ending in .part or .tmp are never read (write "
                + ".NAME.part, then rename it to NAME); any other file once its size has held still for --settle. Each live "
                + "corridor and model keeps one run whose origins accumulate (--keep-origins); realised accuracy is in the "
                + "forecast_score table and the forecast_accuracy view ('flowcast accuracy'), the newest forecasts in the "
                + "forecast_values view. No network port is opened.",
            "An H2 database has one writer, so to look while it watches, open the dashboard in the same process with "
                + "--dashboard: the watcher runs in the background, the window follows the newest origin, and closing it stops "
                + "the watcher after the step under way. With PostgreSQL (--db jdbc:postgresql:...) the watcher and any number "
                + "of 'flowcast dashboard' processes are separate: start them apart, on this machine or others."},
        footer = {"", "Examples:", "  flowcast train --corridor all --model at-conv-lstm    # the models to run live",
            "  flowcast watch ~/pems/inbox", "  flowcast watch ~/pems/inbox --dashboard     # and the dashboard, H2",
            "  flowcast watch ~/pems/inbox --status"})
public final class WatchCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database;

    @Parameters(index = "0", paramLabel = "INBOX", description = "The folder the feed delivers files into.")
    Path inbox;

    @Option(names = "--corridor", split = ",", defaultValue = "all", paramLabel = "NAME",
            description = "Corridors to keep forecasting (default: all; 'flowcast corridors' lists them).")
    List<String> corridors;

    @Option(names = "--corridors", paramLabel = "FILE", description = "A corridor file, as for 'flowcast train'.")
    Path corridorFile;

    @Option(names = "--models-dir", paramLabel = "DIR", description = "The corridors' model files <model>-h<H>-<corridor>.fcm "
            + "(default: " + DatabaseOption.MODELS_FOLDER + ").")
    Path modelsFolder;

    @Option(names = "--model", paramLabel = "NAME", description = "Run only this model (default: every model trained for a corridor).")
    String model;

    @Option(names = "--settle", converter = DurationConverter.class, defaultValue = "250ms", paramLabel = "DURATION",
            description = "How long a file's size and time must hold still before it is read (default: ${DEFAULT-VALUE}; 0s for "
                    + "feeds that always write and rename).")
    Duration settle;

    @Option(names = "--poll", converter = DurationConverter.class, defaultValue = "200ms", paramLabel = "DURATION",
            description = "How often the inbox is looked at when idle (default: ${DEFAULT-VALUE}).")
    Duration poll;

    @Option(names = "--catch-up", converter = OptionValues.AtLeastOne.class, defaultValue = "288", paramLabel = "STEPS",
            description = "Missed 5-minute steps a restart does one by one (default: ${DEFAULT-VALUE}, a day); further back, only "
                    + "the newest.")
    int catchUp;

    @Option(names = "--keep-origins", converter = DurationConverter.class, defaultValue = "14d", paramLabel = "DURATION",
            description = "How long a live run keeps its forecasts (default: ${DEFAULT-VALUE}).")
    Duration keepOrigins;

    @Option(names = "--keep-scores", converter = DurationConverter.class, defaultValue = "365d", paramLabel = "DURATION",
            description = "How long realised accuracy rows are kept (default: ${DEFAULT-VALUE}).")
    Duration keepScores;

    @Option(names = "--retrain", description = "Fine-tune a corridor's model in the background when its error drifts (see "
            + "--drift-margin); the new model replaces the old only if it does better on the newest, held-back day, and the old "
            + "file is kept beside it.")
    boolean retrain;

    @Option(names = "--drift-margin", defaultValue = "0.2", paramLabel = "SHARE",
            description = "Drift: the realised MAE of the last 24 hours above the model's MAE before live operation by more than "
                    + "this share (default: ${DEFAULT-VALUE}, 20%%).")
    double driftMargin;

    @Option(names = "--retrain-seconds", converter = OptionValues.AtLeastOne.class, defaultValue = "120", paramLabel = "S",
            description = "A fine-tune's training budget in seconds (default: ${DEFAULT-VALUE}); it trains on the 14 newest days.")
    int retrainSeconds;

    @Option(names = "--once", description = "Stop when the inbox has nothing left to do (a cron job, a test), rather than wait.")
    boolean once;

    @Option(names = "--status", description = "Print the running watcher's status (from INBOX's status file) and exit.")
    boolean statusOnly;

    @Option(names = "--dashboard", description = "Open the dashboard in this process as well (it needs a display): the watcher "
            + "runs in the background and closing the window stops it after the step under way. The way to look at an H2 "
            + "database while it is watched; with PostgreSQL run 'flowcast dashboard' processes apart instead.")
    boolean dashboard;

    @Mixin
    RefreshOption refresh;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        PrintWriter out = spec.commandLine().getOut();
        if (statusOnly) {
            WatchStatusReport report = WatchStatusReport.read(inbox);
            out.println(report.summary());
            out.println(Tables.render(List.of("corridor", "model", "newest origin"), report.rows()));
            return 0;
        }
        if (!(driftMargin > 0 && driftMargin <= 10)) {
            throw new ParameterException(spec.commandLine(), "--drift-margin must lie above 0 and at most 10 (1000%), was " + driftMargin);
        }
        ForecastRunService.checkRetention(keepOrigins, keepScores);
        WatchSettings.Drift drift = new WatchSettings.Drift(WatchSettings.Drift.DEFAULT.window(), driftMargin, retrain,
                WatchSettings.Drift.DEFAULT.recent(), Duration.ofSeconds(retrainSeconds));
        WatchSettings settings = new WatchSettings(inbox, corridors, Optional.ofNullable(corridorFile),
                modelsFolder == null ? database.modelsFolder() : modelsFolder, Optional.ofNullable(model), settle, poll, catchUp,
                keepOrigins, keepScores, WatchSettings.defaults(inbox, inbox).gamma(), once, drift);
        if (dashboard && !DashboardStage.hasDisplay()) {
            // said before the watcher starts, not after it has taken files from the inbox
            throw new CommandFailure("--dashboard needs a display: run it in a desktop session or under 'xvfb-run -a', or watch "
                    + "without it (with PostgreSQL, 'flowcast dashboard' runs in a process of its own)");
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // SIGTERM or Ctrl-C: the step under way finishes (or, past the wait, is abandoned uncommitted)
            stop.set(true);
            try {
                stopped.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "flowcast-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Workspace workspace = database.open();
             WatchService service = new WatchService(workspace, settings, new Lines(out, spec.commandLine().getErr()),
                     Clock.systemUTC())) {
            if (dashboard) {
                out.printf(Locale.ROOT, "Watching %s into %s; closing the dashboard's window stops it after the step under way.%n",
                        inbox, workspace.name());
                out.flush();
                watchBesideTheDashboard(service, workspace, stop);
                return 0;
            }
            out.printf(Locale.ROOT, "Watching %s into %s (Ctrl-C stops after the step under way).%n", inbox, workspace.name());
            out.flush();
            service.run(stop::get);
            return 0;
        } finally {
            stopped.countDown();
            if (!stop.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    /**
     * Runs the watcher on a thread of its own while the dashboard's window is open in this one (one process: one writer
     * of an H2 database); when the window closes, the watcher stops after the step under way. A watcher that fails says
     * so at once and leaves the window open on what it wrote; the command then fails with its error.
     */
    private void watchBesideTheDashboard(WatchService service, Workspace workspace, AtomicBoolean stop) throws JobException {
        PrintWriter err = spec.commandLine().getErr();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread watcher = new Thread(() -> {
            try {
                service.run(stop::get);
            } catch (JobException | RuntimeException e) {
                failure.set(e);
                err.println("flowcast watch: the watcher stopped: " + e.getMessage() + " (the dashboard stays open on what it wrote)");
                err.flush();
            }
        }, "flowcast-watch");
        watcher.start();
        String shown = corridors.size() == 1 && !corridors.get(0).equals("all") ? corridors.get(0) : null;
        DashboardStage.show(new DashboardSource(workspace, database.runsFolder()), shown, 28, vm -> { }, millis -> { },
                DashboardStage.DEFAULT_WIDTH, DashboardStage.DEFAULT_HEIGHT, refresh.every());
        stop.set(true);
        spec.commandLine().getOut().println("The dashboard was closed: the watcher stops after the step under way.");
        spec.commandLine().getOut().flush();
        try {
            watcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() instanceof JobException e) {
            throw e;
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
    }

    /** One line per step on stdout; refused files and notes on stderr. */
    private record Lines(PrintWriter out, PrintWriter err) implements WatchService.Listener {
        @Override
        public void file(FileIngestResult result) {
            if (result.status().isFailure()) {
                err.println("flowcast watch: " + result.message() + " (moved to failed/)");
                err.flush();
            }
        }

        @Override
        public void step(WatchService.StepReport r) {
            out.printf(Locale.ROOT, "%s  %,7d rows  %d corridors%s  %,d scored  %s%n", PemsTime.format(r.step()), r.rows(), r.refreshed(),
                    r.failed() > 0 ? " (" + r.failed() + " failed)" : "", r.scored(),
                    Double.isNaN(r.latencySeconds()) ? "catch-up" : String.format(Locale.ROOT, "%.2f s after the file",
                            r.latencySeconds()));
            out.flush();
        }

        @Override
        public void note(String message) {
            err.println("flowcast watch: " + message);
            err.flush();
        }
    }
}
