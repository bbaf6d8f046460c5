package org.flowcast.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowcast.core.AttentionWeights;
import org.flowcast.core.Forecast;
import org.flowcast.core.PredictionInterval;
import org.flowcast.core.TimeRange;

/**
 * The {@code forecast_run}, {@code forecast} and {@code attention} tables. Writing a run replaces an
 * earlier run of the same key in the same transaction, so readers see the old run or the new one.
 */
public final class ForecastStore {
    private static final int BATCH = 10_000;

    /** What a stored run is. */
    public record Run(long id, String key, String model, String modelFile, int horizon, TimeRange range, int stations, int origins,
                      Instant createdAt) {
    }

    /** Starts writing a run: deletes the earlier run of the key and returns the new run's id. */
    public long beginRun(Connection c, String key, String model, String modelFile, int horizon, TimeRange range, int stations)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM forecast_run WHERE run_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO forecast_run (run_key, model, model_file, horizon, "
                + "range_from, range_to, stations, origins, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, key);
            insert.setString(2, model);
            insert.setString(3, modelFile);
            insert.setInt(4, horizon);
            insert.setObject(5, utc(range.from()));
            insert.setObject(6, utc(range.to()));
            insert.setInt(7, stations);
            insert.setObject(8, utc(Instant.now()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Adds forecasts (with their 80% and 95% intervals and attention, where present) to a run. */
    public void add(Connection c, long runId, List<Forecast> forecasts) throws SQLException {
        try (PreparedStatement values = c.prepareStatement("INSERT INTO forecast (run_id, station_id, origin_ts, step, flow, "
                + "lower80, upper80, lower95, upper95) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement weights = c.prepareStatement(
                     "INSERT INTO attention (run_id, station_id, origin_ts, lag_index, weight) VALUES (?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Forecast f : forecasts) {
                OffsetDateTime origin = utc(f.origin());
                Optional<PredictionInterval> i80 = f.interval(0.8);
                Optional<PredictionInterval> i95 = f.interval(0.95);
                for (int s = 0; s < f.stationCount(); s++) {
                    for (int h = 1; h <= f.horizonSteps(); h++) {
                        final int station = s;
                        final int step = h;
                        values.setLong(1, runId);
                        values.setInt(2, f.stationIds().get(s));
                        values.setObject(3, origin);
                        values.setShort(4, (short) h);
                        values.setFloat(5, f.value(h, s));
                        bound(values, 6, i80.map(i -> i.lower(step, station)));
                        bound(values, 7, i80.map(i -> i.upper(step, station)));
                        bound(values, 8, i95.map(i -> i.lower(step, station)));
                        bound(values, 9, i95.map(i -> i.upper(step, station)));
                        values.addBatch();
                        if (++pending % BATCH == 0) {
                            values.executeBatch();
                        }
                    }
                }
                if (f.attention().isPresent()) {
                    AttentionWeights a = f.attention().get();
                    for (int r = 0; r < a.rows(); r++) {
                        int station = a.perStation() ? a.rowStationIds().get(r) : 0;
                        for (int lag = 0; lag < a.lags(); lag++) {
                            weights.setLong(1, runId);
                            weights.setInt(2, station);
                            weights.setObject(3, origin);
                            weights.setShort(4, (short) lag);
                            weights.setFloat(5, a.weight(r, lag));
                            weights.addBatch();
                        }
                    }
                }
            }
            values.executeBatch();
            weights.executeBatch();
        }
        try (PreparedStatement count = c.prepareStatement("UPDATE forecast_run SET origins = origins + ? WHERE id = ?")) {
            count.setInt(1, forecasts.size());
            count.setLong(2, runId);
            count.executeUpdate();
        }
    }

    private static void bound(PreparedStatement statement, int index, Optional<Float> value) throws SQLException {
        if (value.isPresent()) {
            statement.setFloat(index, value.get());
        } else {
            statement.setNull(index, Types.REAL);
        }
    }

    public List<Run> runs(Connection c) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, run_key, model, model_file, horizon, range_from, range_to, "
                + "stations, origins, created_at FROM forecast_run ORDER BY id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                runs.add(new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        new TimeRange(rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant()),
                        rs.getInt(8), rs.getInt(9), rs.getObject(10, OffsetDateTime.class).toInstant()));
            }
        }
        return runs;
    }

    /** One stored forecast value with its intervals (NaN where absent). */
    public record StoredValue(int stationId, Instant origin, int step, float value, float lower80, float upper80, float lower95,
                              float upper95) {
    }

    /** The forecasts of a run for one station whose origins lie in a range, ordered by origin and step. */
    public List<StoredValue> forecasts(Connection c, long runId, int stationId, TimeRange origins) throws SQLException {
        List<StoredValue> values = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT origin_ts, step, flow, lower80, upper80, lower95, upper95 "
                + "FROM forecast WHERE run_id = ? AND station_id = ? AND origin_ts >= ? AND origin_ts < ? ORDER BY origin_ts, step")) {
            select.setLong(1, runId);
            select.setInt(2, stationId);
            select.setObject(3, utc(origins.from()));
            select.setObject(4, utc(origins.to()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    values.add(new StoredValue(stationId, rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2), rs.getFloat(3),
                            nullable(rs, 4), nullable(rs, 5), nullable(rs, 6), nullable(rs, 7)));
                }
            }
        }
        return values;
    }

    /** Attention weights of a run at one origin: [station 0 or id] → weights by lag. */
    public float[] attention(Connection c, long runId, int stationId, Instant origin) throws SQLException {
        List<Float> weights = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT weight FROM attention WHERE run_id = ? AND station_id IN (0, ?) "
                + "AND origin_ts = ? ORDER BY station_id DESC, lag_index")) {
            select.setLong(1, runId);
            select.setInt(2, stationId);
            select.setObject(3, utc(origin));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    weights.add(rs.getFloat(1));
                }
            }
        }
        float[] out = new float[weights.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = weights.get(i);
        }
        return out;
    }

    /**
     * Attention weights of a run for one station at every origin in a range, by origin in time order; the
     * station's own row where the model gives one per station, else the window's.
     */
    public java.util.SortedMap<Instant, float[]> attention(Connection c, long runId, int stationId, TimeRange origins) throws SQLException {
        java.util.SortedMap<Instant, List<Float>> rows = new java.util.TreeMap<>();
        java.util.Map<Instant, Integer> rowStation = new java.util.HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT origin_ts, station_id, weight FROM attention WHERE run_id = ? "
                + "AND station_id IN (0, ?) AND origin_ts >= ? AND origin_ts < ? ORDER BY origin_ts, station_id DESC, lag_index")) {
            select.setLong(1, runId);
            select.setInt(2, stationId);
            select.setObject(3, utc(origins.from()));
            select.setObject(4, utc(origins.to()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant origin = rs.getObject(1, OffsetDateTime.class).toInstant();
                    int station = rs.getInt(2);
                    // a per-station row wins over the window's; both are never written for one run, but be safe
                    if (rowStation.computeIfAbsent(origin, o -> station) == station) {
                        rows.computeIfAbsent(origin, o -> new ArrayList<>()).add(rs.getFloat(3));
                    }
                }
            }
        }
        java.util.SortedMap<Instant, float[]> out = new java.util.TreeMap<>();
        rows.forEach((origin, weights) -> {
            float[] row = new float[weights.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = weights.get(i);
            }
            out.put(origin, row);
        });
        return out;
    }

    private static float nullable(ResultSet rs, int column) throws SQLException {
        float v = rs.getFloat(column);
        return rs.wasNull() ? Float.NaN : v;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
