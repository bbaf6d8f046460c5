package org.flowcast.app.cli;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.view.DashboardStage;
import org.flowcast.core.FlowcastHome;
import org.flowcast.jobs.DemoService;
import org.flowcast.jobs.ForecastJob;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
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

    @Option(names = "--train-seconds", defaultValue = "150",
            description = "Training budget of the Conv-LSTM in seconds; it stops after the epoch that passes it "
                    + "(default: ${DEFAULT-VALUE}).")
    long trainSeconds;

    @Option(names = "--baseline-train-seconds", defaultValue = "45",
            description = "Training budget of each neural baseline (LSTM, GRU, TCN, Transformer) in seconds (default: ${DEFAULT-VALUE}).")
    long baselineSeconds;

    @Option(names = "--dashboard", description = "Open the dashboard on the result when done.")
    boolean dashboard;

    @Option(names = "--retrain", description = "Train the models again even if the demo trained them before.")
    boolean retrain;

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
        DemoService.Settings settings = new DemoService.Settings(home, sample, Duration.ofSeconds(trainSeconds),
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
        if (dashboard) {
            out.println("Opening the dashboard (close its window to finish)...");
            out.flush();
            try (Workspace workspace = Workspace.open(settings.database().toString())) {
                DashboardStage.show(new DashboardSource(workspace, settings.runFolder()), null, 28, vm -> { }, millis -> { });
            }
        } else {
            out.println("Dashboard: flowcast dashboard --db " + settings.database() + "   (or rerun with --dashboard)");
        }
        return 0;
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
