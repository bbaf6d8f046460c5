package org.flowcast.app.dashboard;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.flowcast.app.dashboard.data.CorridorData;
import org.flowcast.app.dashboard.data.CorridorOutlook;
import org.flowcast.app.dashboard.data.DashboardReads;
import org.flowcast.app.dashboard.data.LiveAccuracy;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.data.StationForecast;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.store.StoredPart;

/**
 * The dashboard's reads from memory, for view-model tests that need no database and train no model. A test may change
 * what it holds between reads, as live operation changes a database: newer readings, a run's further origins, accuracy.
 */
final class InMemoryDashboardReads implements DashboardReads {
    private CorridorData corridor;
    private final List<RunChoice> runs = new ArrayList<>();
    private final List<LiveAccuracy> live = new ArrayList<>();
    private final Map<Long, Map<Integer, SortedMap<Instant, StationForecast>>> forecasts = new HashMap<>();
    private final Map<Long, Map<Integer, SortedMap<Instant, float[]>>> attention = new HashMap<>();
    private final Map<String, List<StoredPart>> parts = new HashMap<>();
    private final List<CorridorOutlook> district = new ArrayList<>();
    int reads;
    /** Reads of forecasts, attention and parts: what the panels read. */
    int panelReads;
    String lastCorridorAsked;

    InMemoryDashboardReads(CorridorData corridor) {
        this.corridor = corridor;
    }

    /** Adds a run, or replaces the one of its id (a live run read again, its origins grown). */
    InMemoryDashboardReads withRun(RunChoice run) {
        runs.removeIf(r -> r.id() == run.id());
        runs.add(run);
        runs.sort(Comparator.comparingLong(RunChoice::id).reversed());
        return this;
    }

    InMemoryDashboardReads withForecast(long runId, int stationId, StationForecast forecast) {
        forecasts.computeIfAbsent(runId, k -> new HashMap<>()).computeIfAbsent(stationId, k -> new TreeMap<>()).put(forecast.origin(),
                forecast);
        return this;
    }

    /** Replaces the corridor's readings (newer ones came). */
    InMemoryDashboardReads withCorridor(CorridorData newer) {
        corridor = newer;
        return this;
    }

    /** Replaces the live accuracy of every run. */
    InMemoryDashboardReads withLiveAccuracy(List<LiveAccuracy> accuracy) {
        live.clear();
        live.addAll(accuracy);
        return this;
    }

    InMemoryDashboardReads withAttention(long runId, int stationId, Instant origin, float[] weights) {
        attention.computeIfAbsent(runId, k -> new HashMap<>()).computeIfAbsent(stationId, k -> new TreeMap<>()).put(origin, weights);
        return this;
    }

    InMemoryDashboardReads withParts(long runId, int stationId, Instant origin, List<StoredPart> stored) {
        parts.put(runId + "/" + stationId + "/" + origin, List.copyOf(stored));
        return this;
    }

    @Override
    public List<StoredPart> parts(long runId, int stationId, Instant origin) {
        reads++;
        panelReads++;
        return parts.getOrDefault(runId + "/" + stationId + "/" + origin, List.of());
    }

    @Override
    public String databaseName() {
        return "memory";
    }

    @Override
    public Path evaluations() {
        return Path.of("none");
    }

    @Override
    public Optional<CorridorData> corridor(String name, int days) {
        reads++;
        lastCorridorAsked = name;
        return Optional.ofNullable(corridor);
    }

    InMemoryDashboardReads withOutlook(CorridorOutlook outlook) {
        district.add(outlook);
        return this;
    }

    @Override
    public List<String> corridorNames() {
        return district.isEmpty() ? (corridor == null ? List.of() : List.of(corridor.corridor()))
                : district.stream().map(CorridorOutlook::corridor).toList();
    }

    @Override
    public List<CorridorOutlook> district() {
        reads++;
        return List.copyOf(district);
    }

    @Override
    public List<RunChoice> runs() {
        return List.copyOf(runs);
    }

    /** The corridor's own runs and those of no corridor whose newest origin holds one of the stations, as the database's. */
    @Override
    public List<RunChoice> runsFor(String name, List<Integer> stationIds) {
        return runs.stream().filter(r -> r.corridor().equals(name) || r.corridor().isEmpty() && stationIds.stream().anyMatch(id ->
                forecasts.getOrDefault(r.id(), Map.of()).getOrDefault(id, new TreeMap<>()).containsKey(r.newestOrigin()))).toList();
    }

    @Override
    public Optional<Instant> newestReading(List<Integer> stationIds) {
        return corridor == null ? Optional.empty() : Optional.of(corridor.series().end().minus(SensorSeries.FIVE_MINUTES));
    }

    @Override
    public List<LiveAccuracy> liveAccuracy(String name) {
        return live.stream().filter(a -> name == null || a.corridor().equals(name)).toList();
    }

    @Override
    public SortedMap<Instant, StationForecast> forecasts(long runId, int stationId, TimeRange origins) {
        reads++;
        panelReads++;
        SortedMap<Instant, StationForecast> all = forecasts.getOrDefault(runId, Map.of()).getOrDefault(stationId, new TreeMap<>());
        return new TreeMap<>(all.subMap(origins.from(), origins.to()));
    }

    @Override
    public Map<Integer, StationForecast> forecastsAt(long runId, List<Integer> stationIds, Instant origin) {
        reads++;
        panelReads++;
        Map<Integer, StationForecast> out = new LinkedHashMap<>();
        for (int id : stationIds) {
            StationForecast f = forecasts.getOrDefault(runId, Map.of()).getOrDefault(id, new TreeMap<>()).get(origin);
            if (f != null) {
                out.put(id, f);
            }
        }
        return out;
    }

    @Override
    public SortedMap<Instant, float[]> attention(long runId, int stationId, TimeRange origins) {
        reads++;
        panelReads++;
        SortedMap<Instant, float[]> all = attention.getOrDefault(runId, Map.of()).getOrDefault(stationId, new TreeMap<>());
        return new TreeMap<>(all.subMap(origins.from(), origins.to()));
    }

    @Override
    public Optional<EvaluationSummary> latestEvaluation() {
        return Optional.empty();
    }
}
