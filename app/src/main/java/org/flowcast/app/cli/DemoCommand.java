package org.flowcast.app.cli;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.view.DashboardStage;
import org.flowcast.core.FlowcastHome;
import org.flowcast.core.PemsTime;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.jobs.DemoService;
import org.flowcast.jobs.ForecastJob;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.feed.FeedSpeed;
import org.flowcast.jobs.live.LiveDemoService;
import org.flowcast.jobs.live.WatchService;
import org.flowcast.sample.SampleConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowcast demo}: the main job. Makes the sample corridor, ingests it into the embedded
 * database, trains the attention Conv-LSTM and the baselines on a small budget, evaluates them on the
 * same split, writes the accuracy report and every model's forecasts for the test range, and prints
 * a summary. Running it again reuses the sample, the loaded data and the trained models.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs everything on the bundled sample corridor: sample → ingest → train → evaluate → report → "
                + "forecasts in the database. Takes a few minutes on 2 cores the first time; a second run reuses what is there."})
public final class DemoCommand implements Callable<Integer> {
    public static final List<String> MODELS = DemoService.MODELS;

    @Option(names = "--workdir", paramLabel = "DIR", description = "Where the demo keeps its sample, database, models and report "
            + "(default: $FLOWCAST_HOME, else $HOME/.flowcast).")
    Path workdir;

    @Option(names = "--stations", defaultValue = "20", description = "Stations of the sample (default: ${DEFAULT-VALUE}).")
    int stations;

    @Option(names = "--weeks", defaultValue = "10", description = "Weeks of the sample (default: ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--epochs", defaultValue = "30", converter = OptionValues.AtLeastOne.class, paramLabel = "N",
            description = "Epochs each neural model may train, the evaluation protocol's limit; each stops earlier when its "
                    + "validation MAE has not improved for 5 epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--train-seconds", defaultValue = "600", paramLabel = "S",
            description = "A safety net for a slow machine: the Conv-LSTM stops after the epoch that passes this many seconds, "
                    + "and the summary says so (default: ${DEFAULT-VALUE}).")
    long trainSeconds;

    @Option(names = "--baseline-train-seconds", defaultValue = "300", paramLabel = "S",
            description = "The same safety net for each other neural model (default: ${DEFAULT-VALUE}).")
    long baselineSeconds;

    @Option(names = "--dashboard", description = "Open the dashboard on the result when done.")
    boolean dashboard;

    @Option(names = "--retrain", description = "Train the models again even if the demo trained them before.")
    boolean retrain;

    @Option(names = "--live", description = "Then live operation: the sample's last day replayed into a watcher as a live feed "
            + "(in live/ of the work folder, the demo's database left as it is), every model scoring, recalibrating and "
            + "forecasting step by step; with --dashboard the window follows it, and closing it ends the replay.")
    boolean live;

    @Option(names = "--speed", defaultValue = "300", paramLabel = "N", converter = OptionValues.Speed.class,
            description = "With --live: how many times faster than real time the day is replayed (default: ${DEFAULT-VALUE}: "
                    + "a 5-minute step a second; 'max' as fast as it goes).")
    FeedSpeed speed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        long began = System.nanoTime();
        SampleConfig sample;
        try {
            sample = new SampleConfig(stations, weeks, SampleConfig.DEFAULT.seed(), SampleConfig.DEFAULT.start());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + "; check --stations and --weeks");
        }
        if (dashboard && !DashboardStage.hasDisplay()) {
            // say so before minutes of work, not after
            throw new CommandFailure("--dashboard needs a display: run it in a desktop session or under 'xvfb-run -a', or leave "
                    + "--dashboard out and render the result with 'flowcast dashboard --snapshot dashboard.png'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path home = workdir == null ? FlowcastHome.path() : workdir;
        DemoService.Settings settings = new DemoService.Settings(home, sample, epochs, Duration.ofSeconds(trainSeconds),
                Duration.ofSeconds(baselineSeconds), retrain);
        DemoService.Outcome outcome;
        long[] phaseStart = {0};
        outcome = new DemoService().run(settings, new DemoService.Steps() {
            @Override
            public void step(String title) {
                endPhase(err, phaseStart);
                err.println("== " + title);
                err.flush();
            }

            @Override
            public void detail(String line) {
                err.println("  " + line);
            }
        }, model -> new EpochProgress(err, model));
        endPhase(err, phaseStart);
        ForecastJob.Outcome forecasts = outcome.forecasts().get(0);
        out.println();
        out.println(ReportCommand.summaryTable(outcome.summary()));
        out.printf(Locale.ROOT, "Forecasts: %d runs; %s run %d, %,d origins x %d stations written in %.1f s (%,.0f station-forecasts/s)%n",
                outcome.forecasts().size(), MODELS.get(0), forecasts.runId(), forecasts.origins(), forecasts.stations(),
                        forecasts.seconds(),
                forecasts.stationForecastsPerSecond());
        out.println("Report:   " + outcome.report().html());
        out.println("Markdown: " + outcome.report().markdown());
        out.println("Database: " + home.resolve("flowcast.mv.db") + " (use --db " + settings.database() + " with other commands)");
        out.printf(Locale.ROOT, "Done in %.0f s.%n", (System.nanoTime() - began) / 1e9);
        if (dashboard && !live) {
            out.println("Opening the dashboard (close its window to finish)...");
            out.flush();
            try (Workspace workspace = Workspace.open(settings.database().toString())) {
                DashboardStage.show(new DashboardSource(workspace, settings.runFolder()), null, 28, vm -> { }, millis -> { });
            }
        } else if (!dashboard) {
            out.println("Dashboard: flowcast dashboard --db " + settings.database() + "   (or rerun with --dashboard)");
        }
        if (live) {
            runLive(home, settings.runFolder(), out, err);
        }
        return 0;
    }

    /**
     * The sample's last day replayed into a watcher, a line per step; with {@code --dashboard} the window follows it in
     * this process (one writer of the H2 file), and closing it ends the replay after the step under way.
     */
    private void runLive(Path home, Path runFolder, PrintWriter out, PrintWriter err) throws JobException {
        out.println();
        out.println("Live operation on the sample's last day:");
        LiveDemoService.Prepared prepared = LiveDemoService.prepare(home, line -> err.println("  " + line));
        out.println("  watching " + prepared.inbox() + " into " + prepared.database());
        out.flush();
        long began = System.nanoTime();
        int[] steps = {0};
        WatchService.Listener lines = new WatchService.Listener() {
            @Override
            public void file(FileIngestResult result) {
                if (result.status().isFailure()) {
                    err.println("  " + result.message());
                }
            }

            @Override
            public void step(WatchService.StepReport r) {
                steps[0]++;
                out.printf(Locale.ROOT, "  %s  %d models forecast, %,d scored%s%n", PemsTime.format(r.step()), r.refreshed(), r.scored(),
                        Double.isNaN(r.latencySeconds()) ? "" : String.format(Locale.ROOT, ", %.2f s after the file", r.latencySeconds()));
                out.flush();
            }

            @Override
            public void note(String message) {
                err.println("  " + message);
            }
        };
        if (dashboard) {
            liveBesideTheDashboard(prepared, runFolder, lines, err);
        } else {
            LiveDemoService.run(prepared, speed, lines, () -> false);
        }
        out.printf(Locale.ROOT, "Live: %d steps in %.0f s. Realised accuracy: flowcast accuracy --db %s%n", steps[0],
                (System.nanoTime() - began) / 1e9, prepared.database());
    }

    private void liveBesideTheDashboard(LiveDemoService.Prepared prepared, Path runFolder, WatchService.Listener lines, PrintWriter err)
            throws JobException {
        AtomicBoolean closed = new AtomicBoolean();
        AtomicReference<JobException> failure = new AtomicReference<>();
        Thread watcher = new Thread(() -> {
            try {
                LiveDemoService.run(prepared, speed, lines, closed::get);
            } catch (JobException e) {
                failure.set(e);
                err.println("  the live replay stopped: " + e.getMessage());
                err.flush();
            }
        }, "flowcast-live-demo");
        watcher.start();
        try (Workspace workspace = Workspace.openExisting(prepared.database().toString())) {
            DashboardStage.show(new DashboardSource(workspace, runFolder), prepared.corridor(), 28, vm -> { }, millis -> { },
                    DashboardStage.DEFAULT_WIDTH, DashboardStage.DEFAULT_HEIGHT, Duration.ofSeconds(5));
        } finally {
            closed.set(true);
            try {
                watcher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Prints how long the phase that ends took, and starts the clock of the next. */
    private static void endPhase(PrintWriter err, long[] phaseStart) {
        long now = System.nanoTime();
        if (phaseStart[0] != 0) {
            err.printf(Locale.ROOT, "  (%.1f s)%n", (now - phaseStart[0]) / 1e9);
        }
        phaseStart[0] = now;
    }
}
