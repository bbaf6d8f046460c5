package org.flowcast.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.view.DashboardStage;
import org.flowcast.app.jobs.ForecastJob;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.StoreException;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.AttentionConvLstm;
import org.flowcast.reports.Backtester;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.reports.ModelRun;
import org.flowcast.reports.ReportWriter;
import org.flowcast.reports.Summaries;
import org.flowcast.sample.SampleConfig;
import org.flowcast.sample.SampleCorridor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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
    public static final List<String> MODELS = List.of(AttentionConvLstm.NAME, "linear-ar", "historical-average", "seasonal-naive", "persistence");

    @Option(names = "--workdir", paramLabel = "DIR", description = "Where the demo keeps its sample, database, models and report "
            + "(default: ~/.flowcast).")
    Path workdir;

    @Option(names = "--stations", defaultValue = "20", description = "Stations of the sample (default: ${DEFAULT-VALUE}).")
    int stations;

    @Option(names = "--weeks", defaultValue = "10", description = "Weeks of the sample (default: ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--train-seconds", defaultValue = "150",
            description = "Training budget of the Conv-LSTM in seconds; it stops after the epoch that passes it (default: ${DEFAULT-VALUE}).")
    long trainSeconds;

    @Option(names = "--dashboard", description = "Open the dashboard on the result when done.")
    boolean dashboard;

    @Option(names = "--retrain", description = "Train the models again even if the demo trained them before.")
    boolean retrain;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, StoreException {
        long began = System.nanoTime();
        if (dashboard && !DashboardStage.hasDisplay()) {
            // say so before minutes of work, not after
            throw new CommandFailure("--dashboard needs a display: run it in a desktop session or under 'xvfb-run -a', or leave "
                    + "--dashboard out and render the result with 'flowcast dashboard --snapshot dashboard.png'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path home = workdir == null ? Path.of(System.getProperty("user.home"), ".flowcast") : workdir;
        SampleConfig sample = new SampleConfig(stations, weeks, SampleConfig.DEFAULT.seed(), SampleConfig.DEFAULT.start());
        Path sampleFolder = home.resolve("sample");
        step(err, "1/6 sample corridor");
        boolean wrote = new SampleCorridor(sample).ensureIn(sampleFolder);
        err.println(wrote ? "  wrote " + sampleFolder : "  found " + sampleFolder);

        try (FlowcastDatabase db = FlowcastDatabase.open(home.resolve("flowcast"))) {
            step(err, "2/6 ingest into " + db.url().replaceFirst(";.*", ""));
            List<FileIngestResult> results = new Ingester(db, IngestOptions.defaults(), IngestListener.NONE)
                    .ingest(InputFiles.expand(List.of(sampleFolder.toString())));
            long loaded = results.stream().mapToLong(FileIngestResult::loaded).sum();
            long unchanged = results.stream().filter(r -> r.status() == FileIngestResult.Status.UNCHANGED).count();
            for (FileIngestResult r : results) {
                if (r.status().isFailure()) {
                    throw new CommandFailure(r.message());
                }
            }
            err.printf(Locale.ROOT, "  %d files: %,d readings loaded, %d unchanged%n", results.size(), loaded, unchanged);

            SeriesSelection all = new SeriesSelection();
            all.freeway = SampleConfig.FREEWAY;
            all.direction = SampleConfig.DIRECTION;
            SensorSeries series = all.read(db);
            TrainingConfig config = TrainingConfig.defaults().withTimeBudget(Duration.ofSeconds(trainSeconds));
            Backtester backtester = new Backtester(config, new EpochProgress(err, AttentionConvLstm.NAME));
            ChronologicalSplit split = backtester.split(series);

            step(err, "3/6 train " + String.join(", ", MODELS));
            Path modelFolder = home.resolve("models").resolve("demo");
            List<Backtester.Fitted> fitted = new ArrayList<>();
            for (String name : MODELS) {
                Path file = modelFolder.resolve(name + "-h" + config.horizon() + ".fcm");
                if (!retrain && Files.isRegularFile(file) && fitsData(file, series)) {
                    err.println("  " + name + ": reusing " + file);
                    fitted.add(Backtester.Fitted.loaded(ModelRegistry.load(file)));
                    continue;
                }
                Backtester.Fitted model = backtester.fit(name, Map.of(), split);
                model.forecaster().save(file);
                err.printf(Locale.ROOT, "  %s: trained in %.1f s, saved %s%n", name, model.fitSeconds(), file);
                fitted.add(model);
            }

            step(err, "4/6 evaluate on " + split.testOrigins() + " test windows");
            List<ModelRun> runs = new ArrayList<>();
            for (Backtester.Fitted model : fitted) {
                runs.add(backtester.evaluate(model, split));
            }
            EvaluationSummary summary = Summaries.of("sample corridor (" + sampleFolder + ")", split, config.horizon(), config.seed(), runs);

            step(err, "5/6 report");
            Path runFolder = home.resolve("runs").resolve("demo");
            ReportWriter.saveRun(summary, runFolder);
            ReportWriter.Written report = new ReportWriter().write(summary, runFolder);

            step(err, "6/6 forecasts of the test range into the database");
            TimeRange testRange = new TimeRange(split.test().timeAt(EvaluationProtocol.LOOKBACK - 1),
                    split.test().timeAt(split.test().length() - config.horizon()));
            List<ForecastJob.Outcome> written = new ArrayList<>();
            for (int i = 0; i < MODELS.size(); i++) {
                Path file = modelFolder.resolve(MODELS.get(i) + "-h" + config.horizon() + ".fcm");
                ForecastJob.Outcome outcome = new ForecastJob(db).run(file, fitted.get(i).forecaster(), testRange, done -> { });
                err.printf(Locale.ROOT, "  %s: run %d, %,d origins x %d stations in %.1f s (%,.0f station-forecasts/s)%n", MODELS.get(i),
                        outcome.runId(), outcome.origins(), outcome.stations(), outcome.seconds(), outcome.stationForecastsPerSecond());
                written.add(outcome);
            }
            ForecastJob.Outcome forecasts = written.get(0);
            out.println();
            out.println(ReportCommand.summaryTable(summary));
            out.printf(Locale.ROOT, "Forecasts: %d runs; %s run %d, %,d origins x %d stations written in %.1f s (%,.0f station-forecasts/s)%n",
                    written.size(), MODELS.get(0), forecasts.runId(), forecasts.origins(), forecasts.stations(), forecasts.seconds(),
                    forecasts.stationForecastsPerSecond());
            out.println("Report:   " + report.html());
            out.println("Markdown: " + report.markdown());
            out.println("Database: " + home.resolve("flowcast.mv.db") + " (use --db " + home.resolve("flowcast") + " with other commands)");
            out.printf(Locale.ROOT, "Done in %.0f s.%n", (System.nanoTime() - began) / 1e9);
            if (dashboard) {
                out.println("Opening the dashboard (close its window to finish)...");
                out.flush();
                openDashboard(db, runFolder);
            } else {
                out.println("Dashboard: flowcast dashboard --db " + home.resolve("flowcast") + "   (or rerun with --dashboard)");
            }
            return 0;
        }
    }

    private static void openDashboard(FlowcastDatabase db, Path runFolder) {
        DashboardStage.show(new DashboardSource(db, runFolder), null, 28, vm -> { }, millis -> { });
    }

    /** Whether a saved model was fitted on these stations (a sample of another size needs new models). */
    private static boolean fitsData(Path file, SensorSeries series) {
        try {
            return ModelRegistry.load(file).stationIds().equals(java.util.Arrays.stream(series.stationIds()).boxed().toList());
        } catch (IOException e) {
            return false;
        }
    }

    private static void step(PrintWriter err, String text) {
        err.println("== " + text);
        err.flush();
    }
}
