package org.flowcast.app.dashboard.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.flowcast.core.TimeRange;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.store.StoreException;
import org.flowcast.store.StoredPart;

/**
 * What the dashboard reads, as values: a corridor's recent readings, the forecast runs with their
 * forecasts and attention, the live runs' realised accuracy, and the newest evaluation. {@link DashboardSource} reads them from the
 * database; a test may give them from memory.
 */
public interface DashboardReads {

    /** The database (or other source) named for messages. */
    String databaseName();

    /** Where evaluations are looked for, named in messages. */
    Path evaluations();

    /**
     * The last {@code days} days of readings of a corridor ({@code "5-N"}, or null for the one with the
     * most mainline stations); empty when there are none.
     */
    Optional<CorridorData> corridor(String corridor, int days) throws StoreException;

    /** The names of the corridors there are, as 'flowcast corridors' lists them. */
    List<String> corridorNames() throws StoreException;

    /**
     * Every corridor with the newest stored forecasts of its own runs (those made by a model trained for it),
     * from the first registered model that has one, for the district overview.
     */
    List<CorridorOutlook> district() throws StoreException;

    /** The stored forecast runs, newest first; live runs marked. */
    List<RunChoice> runs() throws StoreException;

    /**
     * The runs that forecast a corridor's stations, newest first: the corridor's own (its models' forecast runs and live
     * runs) and the runs of no particular corridor whose newest origin holds a forecast for one of {@code stationIds}.
     */
    List<RunChoice> runsFor(String corridor, List<Integer> stationIds) throws StoreException;

    /** The time of the newest stored reading of any of the stations; empty where they have none. */
    Optional<Instant> newestReading(List<Integer> stationIds) throws StoreException;

    /** The realised accuracy of the live runs of a corridor, or of every corridor where {@code corridor} is null. */
    List<LiveAccuracy> liveAccuracy(String corridor) throws StoreException;

    /** A station's forecasts of a run from every origin in a range, by origin. */
    SortedMap<Instant, StationForecast> forecasts(long runId, int stationId, TimeRange origins) throws StoreException;

    /** Every listed station's forecast of a run from one origin (stations without one are left out). */
    Map<Integer, StationForecast> forecastsAt(long runId, List<Integer> stationIds, Instant origin) throws StoreException;

    /**
     * The additive parts of a run's forecast for one station from one origin, in the model's order (empty
     * for a run whose model does not give them).
     */
    List<StoredPart> parts(long runId, int stationId, Instant origin) throws StoreException;

    /** A station's attention weights of a run at every origin in a range (empty for models without attention). */
    SortedMap<Instant, float[]> attention(long runId, int stationId, TimeRange origins) throws StoreException;

    /** The newest evaluation, if any. */
    Optional<EvaluationSummary> latestEvaluation() throws IOException;
}
