package org.flowcast.app.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastCheck;
import org.flowcast.core.Forecaster;
import org.flowcast.core.ImplausibleForecastException;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.ForecastRuns;
import org.flowcast.ingest.store.ForecastStore.InputShares;
import org.flowcast.ingest.store.SeriesQuery;
import org.flowcast.ingest.store.StoreException;

/**
 * The batch forecasting job: runs a model file over every origin of a time range (or the newest data)
 * and writes forecasts, intervals, their additive parts and attention to the database in one transaction ({@link ForecastRuns}),
 * replacing the earlier run of the same model file, range and stations.
 */
public final class ForecastJob {
    private static final int CHUNK = 512;

    private final FlowcastDatabase database;

    public ForecastJob(FlowcastDatabase database) {
        this.database = database;
    }

    /**
     * What a job wrote: the run, its origins and stations, how long it took, the origins left out because
     * their input window held no observed reading, and the shares of the input observed, imputed and missing.
     */
    public record Outcome(long runId, String model, int horizonSteps, int historySteps, int origins, int stations, double seconds,
                          List<Instant> withoutData, InputShares input) {
        public double stationForecastsPerSecond() {
            return origins * (double) stations / seconds;
        }
    }

    /**
     * Forecasts from every origin in {@code origins} (null: only the newest stored time).
     *
     * @param progress receives the number of origins done so far
     */
    public Outcome run(Path modelFile, Forecaster forecaster, TimeRange origins, LongConsumer progress)
            throws IOException, StoreException {
        List<Integer> stations = forecaster.stationIds();
        SeriesQuery query = new SeriesQuery(database);
        TimeRange stored = query.storedRange(stations).orElseThrow(() ->
                new StoreException("the model's stations " + stations.subList(0, Math.min(5, stations.size()))
                        + "... have no data in this database", null));
        TimeRange range = origins == null ? new TimeRange(stored.to().minus(SensorSeries.FIVE_MINUTES), stored.to()) : origins;
        // a day more than the model reads, from which its gap filling may carry a value forward, so that a
        // forecast is the same whatever range it was asked for in
        Instant historyFrom = range.from().minus(SensorSeries.FIVE_MINUTES.multipliedBy(
                forecaster.historySteps() - 1L + forecaster.warmUpSteps()));
        SensorSeries history = query.stations(stations, new TimeRange(historyFrom, range.to()));
        List<Instant> times = new ArrayList<>();
        for (int t = forecaster.historySteps() - 1; t < history.length(); t++) {
            if (range.contains(history.timeAt(t))) {
                times.add(history.timeAt(t));
            }
        }
        if (times.isEmpty()) {
            throw new StoreException("no origin in " + range + " has the " + forecaster.historySteps()
                    + " steps of history the model needs", null);
        }
        InputCoverage coverage = InputCoverage.of(history, times, forecaster.historySteps());
        if (coverage.usable().isEmpty()) {
            throw new StoreException("no origin in " + range + " has an observed reading in the " + forecaster.historySteps()
                    + " steps before it (the stored data of these stations spans " + stored + "); a forecast needs its "
                    + "history: ingest the data of that time, or forecast a range that has it", null);
        }
        ForecastCheck check = ForecastCheck.of(history.stations());
        long began = System.nanoTime();
        String key = sha256(modelFile) + "|" + range.from() + "|" + range.to() + "|" + stations.hashCode();
        List<Instant> usable = coverage.usable();
        long runId = new ForecastRuns(database).replace(new ForecastRuns.NewRun(key, forecaster.modelName(),
                modelFile.toAbsolutePath().toString(), forecaster.horizonSteps(), range, stations.size(), coverage.shares(),
                forecaster.calibration(), forecaster.provenance().corridor()), sink -> {
                    for (int from = 0; from < usable.size(); from += CHUNK) {
                        List<Forecast> chunk = forecaster.predictAll(history, usable.subList(from, Math.min(usable.size(), from + CHUNK)));
                        for (Forecast f : chunk) {
                            requireFinite(f, modelFile);
                            requirePlausible(check, f, modelFile);
                        }
                        sink.add(chunk);
                        progress.accept(Math.min(usable.size(), from + CHUNK));
                    }
                });
        return new Outcome(runId, forecaster.modelName(), forecaster.horizonSteps(), forecaster.historySteps(), usable.size(), stations.size(), (System.nanoTime() - began) / 1e9, coverage.withoutData(),
                coverage.shares());
    }

    /** A forecast is stored only where every value is finite: a NaN or infinite forecast is the model's fault. */
    private static void requireFinite(Forecast f, Path modelFile) throws StoreException {
        for (int h = 1; h <= f.horizonSteps(); h++) {
            for (int s = 0; s < f.stationCount(); s++) {
                if (!Float.isFinite(f.value(h, s))) {
                    throw new StoreException(modelFile + ": the model forecast " + f.value(h, s) + " for station "
                            + f.stationIds().get(s) + " at step " + h + " from " + f.origin() + "; nothing was written. "
                            + "Train the model again on data that 'flowcast quality' finds sound", null);
                }
            }
        }
    }

    /** A forecast no road carries, or whose intervals are out of order, is the model's fault: nothing of the run is stored. */
    private static void requirePlausible(ForecastCheck check, Forecast f, Path modelFile) throws StoreException {
        try {
            check.require(f);
        } catch (ImplausibleForecastException e) {
            throw new StoreException(modelFile + ": " + e.getMessage() + "; nothing was written. The model file is damaged or was "
                    + "edited, or its training diverged: train the model again", null);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
