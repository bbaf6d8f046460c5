package org.flowcast.jobs;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.zip.ZipException;
import org.flowcast.core.Corridor;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastCheck;
import org.flowcast.core.Forecaster;
import org.flowcast.core.InputShares;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.model.ModelRegistry;
import org.flowcast.store.ForecastRuns;
import org.flowcast.store.NewForecastRun;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoreException;

/**
 * The batch forecasting job: runs a model file over every origin of a time range (or the newest data)
 * and writes forecasts, intervals, their additive parts and attention to the database in one transaction ({@link ForecastRuns}),
 * replacing the earlier run of the same model file, range and stations.
 */
public final class ForecastJob {
    private static final int CHUNK = 512;

    private final Workspace workspace;

    public ForecastJob(Workspace workspace) {
        this.workspace = workspace;
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
    public Outcome run(Path modelFile, Forecaster forecaster, TimeRange origins, LongConsumer progress) throws JobException {
        return run(modelFile, modelFile.toAbsolutePath().toString(), forecaster, origins, progress);
    }

    /**
     * {@link #run(Path, Forecaster, TimeRange, LongConsumer)} from a copy of a model file kept elsewhere: the run records
     * {@code keptAt}, where the file stays (a Spark task forecasts from a temporary copy it deletes after).
     */
    public Outcome run(Path modelFile, String keptAt, Forecaster forecaster, TimeRange origins, LongConsumer progress)
            throws JobException {
        try {
            return write(modelFile, keptAt, forecaster, origins, progress);
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    /** What the job did with a corridor's model files: a run of each it could use, and why each other was refused. */
    public record CorridorOutcome(List<Outcome> written, List<String> refused) {
    }

    /**
     * Forecasts from a corridor's model files in {@code folder} (of one model where given): each must have been
     * trained on the corridor's stations as this database has them. A file that cannot be read or used is refused with
     * its reason and the others go on, so that one bad file never keeps a corridor's other models from forecasting.
     * Fails only where the folder holds no model file of the corridor.
     */
    public CorridorOutcome runCorridor(Corridor corridor, Path folder, Optional<String> model, TimeRange origins,
                                       LongConsumer progress) throws JobException {
        List<Outcome> written = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path file : ModelFiles.ofCorridor(folder, corridor.name(), model)) {
            try {
                Forecaster forecaster = load(file);
                requireTrainedOn(corridor, file, forecaster);
                written.add(run(file, forecaster, origins, progress));
            } catch (JobException e) {
                // the folder is the corridor's own: its file's name says which one, and keeps the table narrow
                String name = file.getFileName().toString();
                String message = e.getMessage().replace(file.toString(), name);
                refused.add(message.contains(name) ? message : name + ": " + message);
            }
        }
        return new CorridorOutcome(List.copyOf(written), List.copyOf(refused));
    }

    /** Refuses a corridor's model file trained on other stations than the corridor has in this database. */
    public static void requireTrainedOn(Corridor corridor, Path file, Forecaster forecaster) throws JobException {
        if (!forecaster.stationIds().equals(corridor.stationIds())) {
            throw new JobException(file.getFileName() + " was trained on other stations (" + forecaster.stationIds().size()
                    + ", from " + forecaster.stationIds().get(0) + ") than corridor " + corridor.name() + " has here ("
                    + corridor.stationIds().size() + ", from " + corridor.stationIds().get(0) + "): a model of another "
                    + "database or an older station list; train it again with 'flowcast train --corridor " + corridor.name()
                    + " --model " + forecaster.modelName() + "'");
        }
    }

    /**
     * Loads a model file; a file that cannot be read is a failure that names it. One whose compressed data ends early
     * or does not inflate (a copy cut short) is said to be truncated or damaged, not in the zip library's words
     * ("Unexpected end of ZLIB input stream").
     */
    public static Forecaster load(Path modelFile) throws JobException {
        try {
            return ModelRegistry.load(modelFile);
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof EOFException || t instanceof ZipException) {
                    throw new JobException(modelFile + ": the model file is truncated or damaged (its compressed data "
                            + (t instanceof EOFException ? "ends early" : "does not inflate") + "); copy it again, or train it "
                            + "again with 'flowcast train'", e);
                }
            }
            throw new JobException(e.getMessage(), e);
        }
    }

    private Outcome write(Path modelFile, String keptAt, Forecaster forecaster, TimeRange origins, LongConsumer progress)
            throws JobException, StoreException {
        List<Integer> stations = forecaster.stationIds();
        SeriesQuery query = new SeriesQuery(workspace.database());
        TimeRange stored = query.storedRange(stations).orElseThrow(() ->
                new JobException("the model's stations " + stations.subList(0, Math.min(5, stations.size()))
                        + "... have no data in this database"));
        if (origins != null && !origins.from().isBefore(stored.to())) {
            throw JobException.usage("the start " + PemsTime.format(origins.from()) + " lies past the stored data of the model's "
                    + "stations, which ends at " + PemsTime.format(stored.to()) + "; choose an earlier --from");
        }
        if (origins != null && !origins.to().isAfter(stored.from())) {
            throw JobException.usage("the end " + PemsTime.format(origins.to()) + " lies before the stored data of the model's "
                    + "stations, which starts at " + PemsTime.format(stored.from()) + "; choose a later --to");
        }
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
            throw new JobException("no origin in " + range.describe() + " has the " + forecaster.historySteps()
                    + " steps of history the model needs");
        }
        InputCoverage coverage = InputCoverage.of(history, times, forecaster.historySteps());
        if (coverage.usable().isEmpty()) {
            throw new JobException("no origin in " + range.describe() + " has an observed reading in the " + forecaster.historySteps()
                    + " steps before it (the stored data of these stations spans " + stored.describe() + "); a forecast needs its "
                    + "history: ingest the data of that time, or forecast a range that has it");
        }
        ForecastCheck check = ForecastCheck.of(history.stations());
        if (origins == null && coverage.shares().missing() > CorridorCatalog.MOSTLY_EMPTY) {
            // the newest stored time is a reading far from the rest (one row dated 2099 gave a forecast from 0.0017%)
            throw new JobException(String.format(Locale.ROOT, "the newest stored time, %s, is no origin to forecast from: %.3g%% of "
                    + "its input (the %d steps before it, %d stations) was observed and %.1f%% is missing, so a reading far from "
                    + "the rest of the data made it the newest ('flowcast stations' shows each station's span); forecast a range "
                    + "that has data with --from and --to, or ingest the data up to it", PemsTime.format(range.from()),
                    100 * coverage.shares().observed(), forecaster.historySteps(), stations.size(),
                    100 * coverage.shares().missing()));
        }
        long began = System.nanoTime();
        String key = runKey(modelFile, range, stations);
        List<Instant> usable = coverage.usable();
        long runId = new ForecastRuns(workspace.database()).replace(new NewForecastRun(key, forecaster.modelName(),
                keptAt, forecaster.horizonSteps(), range, stations.size(), coverage.shares(),
                forecaster.calibration(), forecaster.provenance().corridor()), sink -> {
                    for (int from = 0; from < usable.size(); from += CHUNK) {
                        List<Forecast> chunk = forecaster.predictAll(history, usable.subList(from, Math.min(usable.size(), from + CHUNK)));
                        for (Forecast f : chunk) {
                            ForecastChecks.requireSound(f, check, modelFile);
                        }
                        sink.add(chunk);
                        progress.accept(Math.min(usable.size(), from + CHUNK));
                    }
                });
        return new Outcome(runId, forecaster.modelName(), forecaster.horizonSteps(), forecaster.historySteps(), usable.size(),
                stations.size(), (System.nanoTime() - began) / 1e9, coverage.withoutData(),
                coverage.shares());
    }


    /**
     * What identifies a run, so that the same job run again replaces it: the model file's content, the range of
     * origins and the stations (a SHA-256 of their ids in order, where runs before kept a {@code List.hashCode},
     * which two station lists can share).
     */
    static String runKey(Path modelFile, TimeRange range, List<Integer> stations) throws JobException {
        try {
            String ids = stations.stream().map(String::valueOf).collect(Collectors.joining(","));
            return sha256(Files.readAllBytes(modelFile)) + "|" + range.from() + "|" + range.to() + "|stations:"
                    + sha256(ids.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        } catch (IOException e) {
            throw new JobException("cannot read the model file " + modelFile + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
