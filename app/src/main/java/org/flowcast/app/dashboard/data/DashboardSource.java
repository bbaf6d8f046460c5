package org.flowcast.app.dashboard.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.flowcast.core.Channel;
import org.flowcast.core.Corridor;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.model.ModelRegistry;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.reports.ReportWriter;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastRun;
import org.flowcast.store.ForecastRuns;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StationQuery;
import org.flowcast.store.StoreException;
import org.flowcast.store.StoredForecast;
import org.flowcast.store.StoredPart;

/**
 * Everything the dashboard reads: one corridor's recent readings, the stored forecast runs, their
 * forecasts and attention, the live runs' realised accuracy, and the newest evaluation under a runs folder.
 * Each call opens its own connection, so calls may come from any thread.
 */
public final class DashboardSource implements DashboardReads {
    private final Workspace workspace;
    private final FlowcastDatabase database;
    private final Path evaluations;
    private final ForecastRuns forecasts;
    private final LiveReads live;
    /** Whether a run of no particular corridor holds forecasts for stations ("run:ids"): such runs do not change. */
    private final Map<String, Boolean> holds = new ConcurrentHashMap<>();

    /**
     * @param evaluations a run folder holding {@code run.json}, or a folder of run folders whose newest is used
     */
    public DashboardSource(Workspace workspace, Path evaluations) {
        this.workspace = workspace;
        this.database = workspace.database();
        this.evaluations = evaluations;
        this.forecasts = new ForecastRuns(database);
        this.live = new LiveReads(database);
    }

    @Override
    public String databaseName() {
        return database.url().replaceFirst(";.*", "");
    }

    /** The corridor name that loads every station with readings, whatever its freeway. */
    public static final String ALL = "all";

    /**
     * The last {@code days} days of readings of a corridor ({@code "5-N"}, {@link #ALL}, or null for the one
     * with the most mainline stations), leaving out stations with no reading in that period; empty when
     * the database holds no stations or readings.
     */
    @Override
    public Optional<CorridorData> corridor(String corridor, int days) throws StoreException {
        SeriesQuery query = new SeriesQuery(database);
        Set<Integer> withData = query.stationsWithReadings();
        List<Station> stations = stationsOf(corridor, withData);
        if (stations.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> ids = stations.stream().map(Station::id).filter(withData::contains).toList();
        List<Integer> neverRead = stations.stream().map(Station::id).filter(id -> !withData.contains(id)).toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Optional<TimeRange> stored = query.storedRange(ids);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Instant to = stored.get().to();
        Instant from = to.minus(Duration.ofDays(days));
        from = from.isBefore(stored.get().from()) ? stored.get().from() : from;
        SensorSeries series = query.stations(ids, new TimeRange(from, to));
        List<Integer> withReadings = new ArrayList<>();
        List<Integer> without = new ArrayList<>(neverRead);
        for (int s = 0; s < series.stationCount(); s++) {
            (hasReadings(series, s) ? withReadings : without).add(series.stations().get(s).id());
        }
        if (withReadings.isEmpty()) {
            return Optional.empty();
        }
        String name = ALL.equals(corridor) ? "all stations" : isDefined(corridor) ? corridor : stations.get(0).corridor();
        return Optional.of(new CorridorData(name, without.isEmpty() ? series : series.selectStations(withReadings), without));
    }

    private static boolean hasReadings(SensorSeries series, int station) {
        for (int t = 0; t < series.length(); t++) {
            if (series.state(t, station, Channel.FLOW) != ValueState.MISSING) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name is a corridor file's route rather than a freeway and direction. */
    private boolean isDefined(String corridor) throws StoreException {
        return definedCorridor(corridor).isPresent();
    }

    private Optional<Corridor> definedCorridor(String corridor) throws StoreException {
        if (corridor == null || ALL.equals(corridor)) {
            return Optional.empty();
        }
        return catalog().entries().stream().map(CorridorCatalog.Entry::corridor)
                .filter(c -> c.name().equals(corridor) && c.source() == Corridor.Source.FILE).findFirst();
    }

    private List<Station> stationsOf(String corridor, Set<Integer> withData) throws StoreException {
        Optional<Corridor> defined = definedCorridor(corridor);
        if (defined.isPresent()) {
            Map<Integer, Station> known = new StationQuery(database).all();
            return defined.get().stationIds().stream().map(id -> known.getOrDefault(id, Station.unknown(id))).toList();
        }
        StationQuery stationQuery = new StationQuery(database);
        Map<String, List<Station>> byCorridor = new LinkedHashMap<>();
        for (Station s : stationQuery.all().values()) {
            byCorridor.computeIfAbsent(s.corridor(), k -> new ArrayList<>()).add(s);
        }
        if (ALL.equals(corridor)) {
            return byCorridor.values().stream().flatMap(List::stream)
                    .sorted(Comparator.comparing(Station::freeway).thenComparing(Station::direction)
                            .thenComparingDouble(Station::absolutePostmile).thenComparingInt(Station::id))
                    .toList();
        }
        String chosen = corridor;
        if (chosen == null) {
            chosen = byCorridor.entrySet().stream()
                    .max(Comparator.comparingLong((Map.Entry<String, List<Station>> e) -> mainline(read(e.getValue(), withData)))
                            .thenComparingInt(e -> read(e.getValue(), withData).size()))
                    .map(Map.Entry::getKey).orElse(null);
        }
        if (chosen == null) {
            return List.of();
        }
        if (!byCorridor.containsKey(chosen)) {
            throw new StoreException("no stations on corridor " + chosen + "; the database has " + byCorridor.keySet(), null);
        }
        String[] parts = chosen.split("-", 2);
        List<Station> ordered = stationQuery.corridor(Integer.parseInt(parts[0]), parts[1], null);
        boolean anyMainline = mainline(ordered) > 0;
        return ordered.stream().filter(s -> !anyMainline || "ML".equals(s.laneType())).toList();
    }

    private static List<Station> read(List<Station> stations, Set<Integer> withData) {
        return stations.stream().filter(s -> withData.contains(s.id())).toList();
    }

    private static long mainline(List<Station> stations) {
        return stations.stream().filter(s -> "ML".equals(s.laneType())).count();
    }

    private CorridorCatalog catalog;

    /** The corridors, read once: they change only with an ingest, which the dashboard does not do. */
    private synchronized CorridorCatalog catalog() throws StoreException {
        if (catalog == null) {
            try {
                catalog = CorridorCatalog.withoutCoverage(workspace, Optional.empty());
            } catch (JobException e) {
                throw new StoreException(e.getMessage(), e);
            }
        }
        return catalog;
    }

    @Override
    public List<String> corridorNames() throws StoreException {
        return catalog().entries().stream().map(CorridorCatalog.Entry::name).toList();
    }

    @Override
    public List<CorridorOutlook> district() throws StoreException {
        Map<Integer, Station> known = new StationQuery(database).all();
        List<RunChoice> runs = runs();
        List<String> order = ModelRegistry.names();
        List<CorridorOutlook> outlooks = new ArrayList<>();
        for (CorridorCatalog.Entry entry : catalog().entries()) {
            List<Integer> ids = entry.corridor().stationIds();
            List<Station> stations = ids.stream().map(id -> known.getOrDefault(id, Station.unknown(id))).toList();
            // runs are newest first, so the first of the best-placed model is its newest, a live run before the others;
            // a corridor without runs of its own takes a run of no particular corridor that holds its stations (a model
            // trained without --corridor)
            Comparator<RunChoice> placed = Comparator.comparing((RunChoice r) -> !r.live())
                    .thenComparingInt(r -> order.contains(r.model()) ? order.indexOf(r.model()) : order.size());
            Optional<RunChoice> own = runs.stream().filter(r -> r.corridor().equals(entry.name())).min(placed);
            List<RunChoice> candidates = own.map(List::of).orElseGet(() -> runs.stream().filter(r -> r.corridor().isEmpty())
                    .sorted(placed).toList());
            CorridorOutlook outlook = CorridorOutlook.withoutForecast(entry.name(), stations);
            for (RunChoice run : candidates) {
                Instant origin = run.newestOrigin();
                Map<Integer, StationForecast> forecasts = forecastsAt(run.id(), ids, origin);
                if (!forecasts.isEmpty()) {
                    outlook = new CorridorOutlook(entry.name(), stations, Optional.of(run), Optional.of(origin), forecasts);
                    break;
                }
            }
            outlooks.add(outlook);
        }
        return outlooks;
    }

    /** The stored forecast runs, newest first; live runs marked. */
    @Override
    public List<RunChoice> runs() throws StoreException {
        Set<Long> liveIds = live.runIds();
        List<RunChoice> runs = new ArrayList<>();
        for (ForecastRun r : forecasts.runs()) {
            runs.add(new RunChoice(r.id(), r.model(), r.horizon(), r.range(), r.stations(), r.createdAt(), r.corridor(),
                    liveIds.contains(r.id())));
        }
        runs.sort(Comparator.comparingLong(RunChoice::id).reversed());
        return runs;
    }

    @Override
    public List<RunChoice> runsFor(String corridor, List<Integer> stationIds) throws StoreException {
        List<RunChoice> chosen = new ArrayList<>();
        for (RunChoice run : runs()) {
            if (run.corridor().equals(corridor) || run.corridor().isEmpty() && holdsAny(run, stationIds)) {
                chosen.add(run);
            }
        }
        return chosen;
    }

    /** Whether a run's newest origin holds a forecast for one of the stations; read once per run and stations. */
    private boolean holdsAny(RunChoice run, List<Integer> stationIds) throws StoreException {
        if (run.origins().from().equals(run.origins().to()) || stationIds.isEmpty()) {
            return false;
        }
        String key = run.id() + ":" + stationIds;
        Boolean known = holds.get(key);
        if (known == null) {
            known = !forecastsAt(run.id(), stationIds, run.newestOrigin()).isEmpty();
            holds.put(key, known);
        }
        return known;
    }

    @Override
    public Optional<Instant> newestReading(List<Integer> stationIds) throws StoreException {
        return stationIds.isEmpty() ? Optional.empty() : new SeriesQuery(database).newestReading(stationIds);
    }

    @Override
    public List<LiveAccuracy> liveAccuracy(String corridor) throws StoreException {
        return live.accuracy(corridor);
    }

    /** A station's forecasts of a run from every origin in a range, by origin. */
    @Override
    public SortedMap<Instant, StationForecast> forecasts(long runId, int stationId, TimeRange origins) throws StoreException {
        return group(forecasts.forecasts(runId, stationId, origins));
    }

    /** Every listed station's forecast of a run from one origin (stations without one are left out). */
    @Override
    public Map<Integer, StationForecast> forecastsAt(long runId, List<Integer> stationIds, Instant origin) throws StoreException {
        TimeRange one = new TimeRange(origin, origin.plus(SensorSeries.FIVE_MINUTES));
        Map<Integer, StationForecast> out = new LinkedHashMap<>();
        forecasts.forecasts(runId, stationIds, one).forEach((id, values) -> {
            StationForecast f = group(values).get(origin);
            if (f != null) {
                out.put(id, f);
            }
        });
        return out;
    }

    @Override
    public List<StoredPart> parts(long runId, int stationId, Instant origin) throws StoreException {
        return forecasts.parts(runId, stationId, origin);
    }

    /** A station's attention weights of a run at every origin in a range (empty for models without attention). */
    @Override
    public SortedMap<Instant, float[]> attention(long runId, int stationId, TimeRange origins) throws StoreException {
        return forecasts.attention(runId, stationId, origins);
    }

    private static SortedMap<Instant, StationForecast> group(List<StoredForecast> values) {
        SortedMap<Instant, List<StoredForecast>> byOrigin = new TreeMap<>();
        for (StoredForecast v : values) {
            byOrigin.computeIfAbsent(v.origin(), o -> new ArrayList<>()).add(v);
        }
        SortedMap<Instant, StationForecast> out = new TreeMap<>();
        byOrigin.forEach((origin, rows) -> {
            int steps = rows.stream().mapToInt(StoredForecast::step).max().orElse(0);
            float[][] columns = new float[5][steps];
            for (float[] column : columns) {
                Arrays.fill(column, Float.NaN);
            }
            for (StoredForecast v : rows) {
                int i = v.step() - 1;
                columns[0][i] = v.value();
                columns[1][i] = v.lower80();
                columns[2][i] = v.upper80();
                columns[3][i] = v.lower95();
                columns[4][i] = v.upper95();
            }
            out.put(origin, new StationForecast(origin, columns[0], columns[1], columns[2], columns[3], columns[4]));
        });
        return out;
    }

    /** The newest evaluation ({@code run.json}) in the evaluations folder or one level below it. */
    @Override
    public Optional<EvaluationSummary> latestEvaluation() throws IOException {
        if (evaluations == null || !Files.isDirectory(evaluations)) {
            return Optional.empty();
        }
        if (Files.isRegularFile(evaluations.resolve(ReportWriter.RUN_FILE))) {
            return Optional.of(ReportWriter.readRun(evaluations));
        }
        try (Stream<Path> folders = Files.list(evaluations)) {
            Optional<Path> newest = folders.filter(f -> Files.isRegularFile(f.resolve(ReportWriter.RUN_FILE)))
                    .max(Comparator.comparing(f -> f.resolve(ReportWriter.RUN_FILE).toFile().lastModified()));
            return newest.isEmpty() ? Optional.empty() : Optional.of(ReportWriter.readRun(newest.get()));
        }
    }

    /** Where evaluations are looked for. */
    @Override
    public Path evaluations() {
        return evaluations;
    }
}
