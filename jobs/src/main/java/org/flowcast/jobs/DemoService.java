package org.flowcast.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.reports.Backtester;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.reports.ModelRun;
import org.flowcast.reports.ReportWriter;
import org.flowcast.reports.Summaries;
import org.flowcast.sample.SampleConfig;
import org.flowcast.sample.SampleCorridor;
import org.flowcast.store.StoreException;

/**
 * The main job on the bundled sample: makes the sample corridor, ingests it, trains the models (or
 * reuses those trained on the same stations before), evaluates them on one split, writes the report and
 * every model's forecasts of the test range. Says what it does, step by step, to its {@link Steps}.
 */
public final class DemoService {
    /** Every registered model, in the registry's order: the attention Conv-LSTM first. */
    public static final List<String> MODELS = ModelRegistry.names();
    /** Two hours: one multi-horizon model per architecture gives the short and the long forecasts. */
    public static final int HORIZON = 24;

    /**
     * Where the demo works, on what sample, the epochs every neural model may train (each stops earlier when its
     * validation MAE stops improving), and the time budgets that stop the first registered model (the attention
     * Conv-LSTM) and each other neural model only as a safety net on a slow machine.
     */
    public record Settings(Path home, SampleConfig sample, int epochs, Duration trainBudget, Duration baselineBudget, boolean retrain) {
        public Path database() {
            return home.resolve("flowcast");
        }

        public Path runFolder() {
            return home.resolve("runs").resolve("demo");
        }
    }

    /** Where the demo reports its steps ({@code 1/6 sample corridor}) and what each did. */
    public interface Steps {
        void step(String title);

        void detail(String line);
    }

    /** What the demo made. */
    public record Outcome(EvaluationSummary summary, ReportWriter.Written report, List<ForecastJob.Outcome> forecasts) {
    }

    /**
     * Runs the demo; {@code training} gives the listener that follows each neural model's training, by
     * model name. The database is compacted when the demo is done.
     */
    public Outcome run(Settings settings, Steps steps, Function<String, TrainingListener> training) throws JobException {
        try {
            return work(settings, steps, training);
        } catch (IOException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    private Outcome work(Settings settings, Steps steps, Function<String, TrainingListener> training) throws IOException, JobException {
        Path sampleFolder = settings.home().resolve("sample");
        steps.step("1/6 sample corridor");
        boolean wrote = new SampleCorridor(settings.sample()).ensureIn(sampleFolder);
        steps.detail(wrote ? "wrote " + sampleFolder : "found " + sampleFolder);
        Workspace workspace = Workspace.open(settings.database().toString());
        try {
            steps.step("2/6 ingest into " + workspace.name());
            ingest(workspace, sampleFolder, steps);
            List<Integer> ids = StationChoice.mainline(workspace, SampleConfig.FREEWAY, SampleConfig.DIRECTION);
            SensorSeries series = SeriesReader.read(workspace, new SeriesRequest(ids, null, null, null, null), warning -> { });
            // Epochs, not time, stop the models, so that a seed gives the same table on any machine at any load.
            TrainingConfig config = TrainingConfig.defaults().withHorizon(HORIZON).withEpochs(settings.epochs())
                    .withTimeBudget(settings.trainBudget());
            Backtester backtester = new Backtester(config, TrainingListener.NONE);
            ChronologicalSplit split = backtester.split(series);

            steps.step("3/6 train " + String.join(", ", MODELS));
            TrainingConfig baselines = config.withTimeBudget(settings.baselineBudget());
            List<Backtester.Fitted> fitted = fit(settings, name -> new Backtester(name.equals(MODELS.get(0)) ? config : baselines,
                    training.apply(name)), split, series, config.horizon(), steps);

            steps.step("4/6 evaluate on " + split.testOrigins() + " test windows");
            List<ModelRun> runs = new ArrayList<>();
            for (Backtester.Fitted model : fitted) {
                runs.add(backtester.evaluate(model, split));
            }
            EvaluationSummary summary = Summaries.of("sample corridor (" + sampleFolder + ")", split, config.horizon(), config.seed(),
                    runs);

            steps.step("5/6 report");
            ReportWriter.saveRun(summary, settings.runFolder());
            ReportWriter.Written report = new ReportWriter().write(summary, settings.runFolder());

            steps.step("6/6 forecasts of the test range into the database");
            TimeRange testRange = new TimeRange(split.test().timeAt(EvaluationProtocol.LOOKBACK - 1),
                    split.test().timeAt(split.test().length() - config.horizon()));
            List<ForecastJob.Outcome> written = new ArrayList<>();
            for (int i = 0; i < MODELS.size(); i++) {
                ForecastJob.Outcome outcome = new ForecastJob(workspace).run(modelFile(settings, MODELS.get(i), config.horizon()),
                        fitted.get(i).forecaster(), testRange, done -> { });
                steps.detail(String.format(Locale.ROOT, "%s: run %d, %,d origins x %d stations in %.1f s (%,.0f station-forecasts/s)",
                        MODELS.get(i), outcome.runId(), outcome.origins(), outcome.stations(), outcome.seconds(),
                        outcome.stationForecastsPerSecond()));
                written.add(outcome);
            }
            long compacting = System.nanoTime();
            long before = workspace.fileSize().orElse(0);
            workspace.closeCompacted();
            long after = workspace.fileSize().orElse(0);
            steps.detail(String.format(Locale.ROOT, "compacted the database from %.0f MB to %.0f MB in %.1f s", before / 1e6, after / 1e6,
                    (System.nanoTime() - compacting) / 1e9));
            return new Outcome(summary, report, written);
        } finally {
            workspace.close();
        }
    }

    private static void ingest(Workspace workspace, Path sampleFolder, Steps steps) throws IOException, JobException {
        List<FileIngestResult> results;
        try {
            results = new Ingester(workspace.database(), IngestOptions.defaults(), IngestListener.NONE)
                    .ingest(InputFiles.expand(List.of(sampleFolder.toString())));
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
        for (FileIngestResult r : results) {
            if (r.status().isFailure()) {
                throw new JobException(r.message());
            }
        }
        long loaded = results.stream().mapToLong(FileIngestResult::loaded).sum();
        long unchanged = results.stream().filter(r -> r.status() == FileIngestResult.Status.UNCHANGED).count();
        steps.detail(String.format(Locale.ROOT, "%d files: %,d readings loaded, %d unchanged", results.size(), loaded, unchanged));
    }

    private static List<Backtester.Fitted> fit(Settings settings, Function<String, Backtester> backtesters,
                                               ChronologicalSplit split, SensorSeries series, int horizon, Steps steps) throws IOException {
        List<Backtester.Fitted> fitted = new ArrayList<>();
        for (String name : MODELS) {
            Path file = modelFile(settings, name, horizon);
            if (!settings.retrain() && Files.isRegularFile(file) && fitsData(file, series)) {
                steps.detail(name + ": reusing " + file);
                fitted.add(Backtester.Fitted.loaded(ModelRegistry.load(file)));
                continue;
            }
            Backtester.Fitted model = backtesters.apply(name).fit(name, Map.of(), split);
            model.forecaster().save(file);
            String stopped = model.forecaster().provenance().config().getOrDefault("stopReason", "fitted in one pass");
            steps.detail(String.format(Locale.ROOT, "%s: trained in %.1f s (%s), saved %s", name, model.fitSeconds(), stopped, file));
            fitted.add(model);
        }
        return fitted;
    }

    private static Path modelFile(Settings settings, String model, int horizon) {
        return settings.home().resolve("models").resolve("demo").resolve(ModelFiles.fileName(model, horizon));
    }

    /** Whether a saved model was fitted on these stations (a sample of another size needs new models). */
    private static boolean fitsData(Path file, SensorSeries series) {
        try {
            return ModelRegistry.load(file).stationIds().equals(Arrays.stream(series.stationIds()).boxed().toList());
        } catch (IOException e) {
            return false;
        }
    }
}
