package org.flowcast.spark;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.jobs.EvaluateService;
import org.flowcast.jobs.ForecastJob;
import org.flowcast.jobs.TrainService;
import org.flowcast.jobs.Workspace;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StationQuery;
import org.flowcast.store.StoredDay;

/**
 * One corridor's work on an executor: its stored days (read by Spark's JDBC source) decoded into the series
 * {@code flowcast train --corridor} would read, the same {@link TrainService} fit, the model file copied to
 * the models folder (any Hadoop file system), and, where asked, its newest forecasts written through JDBC by
 * the same {@link ForecastJob} as {@code flowcast forecast}. A corridor whose model file is up to date (a
 * {@code .source} file beside it records the series fingerprint and settings it was made from) is skipped.
 * A failure is thrown while Spark may still retry the task, and reported on the last attempt.
 */
final class CorridorTask implements Serializable {
    private static final long serialVersionUID = 1L;

    private final JobSettings settings;
    private final int maxAttempts;

    CorridorTask(JobSettings settings, int maxAttempts) {
        this.settings = settings;
        this.maxAttempts = maxAttempts;
    }

    /** Rows of (station_id, utc_day, flow, occupancy, speed, pct_observed, flags, ...) of one corridor. */
    CorridorOutcome run(String corridor, List<Integer> stationIds, Iterator<Row> rows) throws Exception {
        long began = System.nanoTime();
        try {
            return work(corridor, stationIds, rows, began);
        } catch (Exception | OutOfMemoryError e) {
            TaskContext context = TaskContext.get();
            if (context != null && context.attemptNumber() + 1 < maxAttempts) {
                throw e instanceof Exception x ? x : new IllegalStateException(e);
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new CorridorOutcome(corridor, stationIds.size(), CorridorOutcome.FAILED, message, seconds(began));
        }
    }

    private CorridorOutcome work(String corridor, List<Integer> stationIds, Iterator<Row> rows, long began) throws Exception {
        List<StoredDay> days = new ArrayList<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            days.add(new StoredDay(r.getInt(0), r.getInt(1), (byte[]) r.get(2), (byte[]) r.get(3), (byte[]) r.get(4), (byte[]) r.get(5),
                    (byte[]) r.get(6)));
        }
        Path scratch = Files.createTempDirectory("flowcast-spark-" + corridor);
        try (Workspace workspace = Workspace.openExisting(settings.jdbcUrl())) {
            Map<Integer, Station> known = new StationQuery(workspace.database()).all();
            List<Station> stations = new ArrayList<>();
            for (int id : stationIds) {
                stations.add(Optional.ofNullable(known.get(id)).orElseThrow(() -> new IllegalStateException("station " + id
                        + " of corridor " + corridor + " is not in the database")));
            }
            SensorSeries series = SeriesQuery.fromStoredDays(stations, days).orElseThrow(() -> new IllegalStateException("corridor "
                    + corridor + " has no stored reading")).withCorridor(corridor);
            String name = settings.fileName(corridor);
            String source = name + ".source";
            HadoopFolder models = HadoopFolder.at(settings.modelsFolder());
            String made = "fingerprint=" + series.fingerprint() + "\nsettings=" + settings.trainingKey() + "\n";
            Path local = scratch.resolve(name);
            String status;
            String account;
            if (models.exists(name) && models.exists(source) && made.equals(models.readText(source))) {
                status = CorridorOutcome.UP_TO_DATE;
                account = name + " was made from the same data and settings";
                if (settings.forecastLatest()) {
                    models.download(name, local.toUri());
                }
            } else {
                TrainService service = new TrainService();
                TrainService.Plan plan = service.plan(new TrainService.Request(settings.model(), settings.parameters(), settings.config(),
                        settings.protocol(), local, false, true), TrainingListener.NONE);
                TrainService.Outcome outcome = service.train(plan, series, split -> { });
                models.upload(local.toUri(), name);
                models.writeText(source, made);
                status = CorridorOutcome.TRAINED;
                account = String.format(Locale.ROOT, "%s (%d / %d origins, %.1f s)", name,
                        outcome.split().trainOrigins(), outcome.split().validationOrigins(), outcome.seconds());
            }
            double[][] accuracy = {new double[0], new double[0], new double[0]};
            if (settings.backtest()) {
                accuracy = backtest(corridor, series, scratch);
                account += String.format(Locale.ROOT, "; back-test MAE %.2f", accuracy[0][CorridorOutcome.STEPS.length]);
            }
            if (settings.forecastLatest()) {
                ForecastJob.Outcome forecast = new ForecastJob(workspace).run(local, models.location(name), ForecastJob.load(local), null,
                        n -> { });
                account += "; forecast run " + forecast.runId();
            }
            return new CorridorOutcome(corridor, stationIds.size(), status, account, seconds(began), accuracy[0], accuracy[1], accuracy[2]);
        } finally {
            deleteQuietly(scratch);
        }
    }

    /**
     * Back-tests the model on the corridor as {@code flowcast evaluate --corridor} does, writes the same run folder
     * to the reports folder, and returns MAE, RMSE and MAPE at {@link CorridorOutcome#STEPS} and averaged.
     */
    private double[][] backtest(String corridor, SensorSeries series, Path scratch) throws Exception {
        EvaluationSummary summary = new EvaluateService(name -> TrainingListener.NONE, line -> { }).onSplit(new EvaluateService.Request(
                settings.jdbcUrl().replaceFirst(";.*", "") + " corridor " + corridor, series, List.of(settings.model()),
                settings.parameters(), settings.config(), settings.protocol()));
        Path folder = scratch.resolve("report");
        EvaluateService.write(summary, folder, OptionalInt.empty());
        HadoopFolder.at(settings.reportsFolder()).upload(folder.toUri(), corridor);
        EvaluationSummary.ModelSummary m = summary.models().get(0);
        int n = CorridorOutcome.STEPS.length;
        double[][] out = new double[3][n + 1];
        for (int i = 0; i < n; i++) {
            int step = CorridorOutcome.STEPS[i] - 1;
            out[0][i] = m.mae()[step];
            out[1][i] = m.rmse()[step];
            out[2][i] = m.mape()[step];
        }
        out[0][n] = m.maeAverage();
        out[1][n] = m.rmseAverage();
        out[2][n] = m.mapeAverage();
        return out;
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }
}
