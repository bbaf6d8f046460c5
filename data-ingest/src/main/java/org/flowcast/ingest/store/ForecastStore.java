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

    /** What a stored run is; its input shares are NaN for runs written before they were recorded. */
    public record Run(long id, String key, String model, String modelFile, int horizon, TimeRange range, int stations, int origins,
                      Instant createdAt, InputShares input) {
    }

    /** The shares of a run's input (flow values its origins read) that were observed, imputed and missing. */
    public record InputShares(double observed, double imputed, double missing) {
        public static final InputShares UNKNOWN = new InputShares(Double.NaN, Double.NaN, Double.NaN);
    }

    /** Starts writing a run: deletes the earlier run of the key and returns the new run's id. */
    public long beginRun(Connection c, String key, String model, String modelFile, int horizon, TimeRange range, int stations,
                         InputShares input) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM forecast_run WHERE run_key = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO forecast_run (run_key, model, model_file, horizon, "
                + "range_from, range_to, stations, origins, created_at, input_observed, input_imputed, input_missing) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, key);
            insert.setString(2, model);
            insert.setString(3, modelFile);
            insert.setInt(4, horizon);
            insert.setObject(5, utc(range.from()));
            insert.setObject(6, utc(range.to()));
            insert.setInt(7, stations);
            insert.setObject(8, utc(Instant.now()));
            insert.setFloat(9, (float) input.observed());
            insert.setFloat(10, (float) input.imputed());
            insert.setFloat(11, (float) input.missing());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Adds forecasts (with their 80% and 95% intervals and attention, where present) to a run. */
    public void add(Connection c, long runId, List<Forecast> forecasts) throws SQLException {
        try (PreparedStatement values = c.prepareStatement("INSERT INTO forecast (run_id, origin_ts, station_id, flow, "
                + "lower80, upper80, lower95, upper95) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement weights = c.prepareStatement(
                     "INSERT INTO attention (run_id, origin_ts, station_id, weights) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (Forecast f : forecasts) {
                OffsetDateTime origin = utc(f.origin());
                Optional<PredictionInterval> i80 = f.interval(0.8);
                Optional<PredictionInterval> i95 = f.interval(0.95);
                int steps = f.horizonSteps();
                float[] column = new float[steps];
                for (int s = 0; s < f.stationCount(); s++) {
                    values.setLong(1, runId);
                    values.setObject(2, origin);
                    values.setInt(3, f.stationIds().get(s));
                    for (int h = 1; h <= steps; h++) {
                        column[h - 1] = f.value(h, s);
                    }
                    values.setBytes(4, PackedArrays.floats(column));
                    bound(values, 5, i80, s, steps, true);
                    bound(values, 6, i80, s, steps, false);
                    bound(values, 7, i95, s, steps, true);
                    bound(values, 8, i95, s, steps, false);
                    values.addBatch();
                    if (++pending % BATCH == 0) {
                        values.executeBatch();
                    }
                }
                if (f.attention().isPresent()) {
                    AttentionWeights a = f.attention().get();
                    for (int r = 0; r < a.rows(); r++) {
                        weights.setLong(1, runId);
                        weights.setObject(2, origin);
                        weights.setInt(3, a.perStation() ? a.rowStationIds().get(r) : 0);
                        weights.setBytes(4, PackedArrays.floats(a.weights()[r]));
                        weights.addBatch();
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

    private static InputShares shares(ResultSet rs) throws SQLException {
        float observed = rs.getFloat(11);
        return rs.wasNull() ? InputShares.UNKNOWN : new InputShares(observed, rs.getFloat(12), rs.getFloat(13));
    }

    private static void bound(PreparedStatement statement, int index, Optional<PredictionInterval> interval, int station, int steps,
                              boolean lower) throws SQLException {
        if (interval.isEmpty()) {
            statement.setNull(index, Types.VARBINARY);
            return;
        }
        float[] column = new float[steps];
        for (int h = 1; h <= steps; h++) {
            column[h - 1] = lower ? interval.get().lower(h, station) : interval.get().upper(h, station);
        }
        statement.setBytes(index, PackedArrays.floats(column));
    }

    public List<Run> runs(Connection c) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, run_key, model, model_file, horizon, range_from, range_to, "
                + "stations, origins, created_at, input_observed, input_imputed, input_missing FROM forecast_run ORDER BY id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                runs.add(new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        new TimeRange(rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant()),
                        rs.getInt(8), rs.getInt(9), rs.getObject(10, OffsetDateTime.class).toInstant(), shares(rs)));
            }
        }
        return runs;
    }

    /** One stored forecast step with its intervals (NaN where absent). */
    public record StoredValue(int stationId, Instant origin, int step, float value, float lower80, float upper80, float lower95,
                              float upper95) {
    }

    /** The forecasts of a run for one station whose origins lie in a range, ordered by origin and step. */
    public List<StoredValue> forecasts(Connection c, long runId, int stationId, TimeRange origins) throws SQLException {
        List<StoredValue> values = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT origin_ts, flow, lower80, upper80, lower95, upper95 "
                + "FROM forecast WHERE run_id = ? AND origin_ts >= ? AND origin_ts < ? AND station_id = ? ORDER BY origin_ts")) {
            select.setLong(1, runId);
            select.setObject(2, utc(origins.from()));
            select.setObject(3, utc(origins.to()));
            select.setInt(4, stationId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant origin = rs.getObject(1, OffsetDateTime.class).toInstant();
                    float[] flow = PackedArrays.readFloats(rs.getBytes(2));
                    float[][] bounds = new float[4][];
                    for (int k = 0; k < 4; k++) {
                        byte[] bytes = rs.getBytes(3 + k);
                        bounds[k] = bytes == null ? null : PackedArrays.readFloats(bytes);
                    }
                    for (int h = 1; h <= flow.length; h++) {
                        values.add(new StoredValue(stationId, origin, h, flow[h - 1], at(bounds[0], h), at(bounds[1], h), at(bounds[2], h),
                                at(bounds[3], h)));
                    }
                }
            }
        }
        return values;
    }

    private static float at(float[] values, int step) {
        return values == null ? Float.NaN : values[step - 1];
    }

    /**
     * Attention weights of a run for one station at every origin in a range, by origin in time order; the
     * station's own row where the model gives one per station, else the window's.
     */
    public java.util.SortedMap<Instant, float[]> attention(Connection c, long runId, int stationId, TimeRange origins) throws SQLException {
        java.util.SortedMap<Instant, float[]> rows = new java.util.TreeMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT origin_ts, weights FROM attention WHERE run_id = ? "
                + "AND origin_ts >= ? AND origin_ts < ? AND station_id IN (0, ?) ORDER BY origin_ts, station_id")) {
            select.setLong(1, runId);
            select.setObject(2, utc(origins.from()));
            select.setObject(3, utc(origins.to()));
            select.setInt(4, stationId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    // ordered by station, so a per-station row (id > 0) replaces the window's row (0)
                    rows.put(rs.getObject(1, OffsetDateTime.class).toInstant(), PackedArrays.readFloats(rs.getBytes(2)));
                }
            }
        }
        return rows;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
