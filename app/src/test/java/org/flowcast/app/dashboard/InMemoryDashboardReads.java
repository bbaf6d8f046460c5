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
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.data.StationForecast;
import org.flowcast.core.TimeRange;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.store.StoredPart;

/** The dashboard's reads from memory, for view-model tests that need no database and train no model. */
final class InMemoryDashboardReads implements DashboardReads {
    private final CorridorData corridor;
    private final List<RunChoice> runs = new ArrayList<>();
    private final Map<Long, Map<Integer, SortedMap<Instant, StationForecast>>> forecasts = new HashMap<>();
    private final Map<Long, Map<Integer, SortedMap<Instant, float[]>>> attention = new HashMap<>();
    private final Map<String, List<StoredPart>> parts = new HashMap<>();
    private final List<CorridorOutlook> district = new ArrayList<>();
    int reads;
    String lastCorridorAsked;

    InMemoryDashboardReads(CorridorData corridor) {
        this.corridor = corridor;
    }

    InMemoryDashboardReads withRun(RunChoice run) {
        runs.add(run);
        runs.sort(Comparator.comparingLong(RunChoice::id).reversed());
        return this;
    }

    InMemoryDashboardReads withForecast(long runId, int stationId, StationForecast forecast) {
        forecasts.computeIfAbsent(runId, k -> new HashMap<>()).computeIfAbsent(stationId, k -> new TreeMap<>()).put(forecast.origin(),
                forecast);
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

    @Override
    public SortedMap<Instant, StationForecast> forecasts(long runId, int stationId, TimeRange origins) {
        reads++;
        SortedMap<Instant, StationForecast> all = forecasts.getOrDefault(runId, Map.of()).getOrDefault(stationId, new TreeMap<>());
        return new TreeMap<>(all.subMap(origins.from(), origins.to()));
    }

    @Override
    public Map<Integer, StationForecast> forecastsAt(long runId, List<Integer> stationIds, Instant origin) {
        reads++;
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
        SortedMap<Instant, float[]> all = attention.getOrDefault(runId, Map.of()).getOrDefault(stationId, new TreeMap<>());
        return new TreeMap<>(all.subMap(origins.from(), origins.to()));
    }

    @Override
    public Optional<EvaluationSummary> latestEvaluation() {
        return Optional.empty();
    }
}
