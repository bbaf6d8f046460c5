package org.flowcast.store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.flowcast.core.AttentionWeights;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastPart;
import org.flowcast.core.TimeRange;

/**
 * The {@code forecast_origin} table: a calibrated run's forecasts as one row per origin holding every
 * station's steps (station by station), its additive parts and its attention rows; the run's station
 * order is stored once, on {@code forecast_run}. Written this way, the forecast job writes one row per
 * origin instead of two per origin and station.
 */
final class OriginRows {
    private static final int BATCH = 2_000;

    /** How a run's origin rows are laid out: its stations in order and the station of each attention row. */
    record Layout(int[] stations, int[] attentionRows) {
        int indexOf(int stationId) {
            for (int i = 0; i < stations.length; i++) {
                if (stations[i] == stationId) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The layout of a run written as origin rows; empty for a run of per-station rows. */
    Optional<Layout> layout(Connection c, long runId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT station_ids, attention_rows FROM forecast_run WHERE id = ?")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getBytes(1) == null) {
                    return Optional.empty();
                }
                byte[] rows = rs.getBytes(2);
                return Optional.of(new Layout(PackedArrays.readInts(rs.getBytes(1)), rows == null ? new int[0]
                        : PackedArrays.readInts(rows)));
            }
        }
    }

    /** Deletes the origin rows of the runs of a key, before the key's new run is written. */
    void deleteRunsOf(Connection c, String key) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM forecast_origin WHERE run_id IN (SELECT id FROM forecast_run WHERE run_key = ?)")) {
            delete.setString(1, key);
            delete.executeUpdate();
        }
    }

    /** Adds forecasts as origin rows; the first chunk of a run records its layout. */
    void add(Connection c, long runId, List<Forecast> forecasts) throws SQLException {
        add(c, runId, forecasts, null);
    }

    /**
     * Adds forecasts as origin rows, each with the packed half-widths its intervals were made with where they are not the
     * run's calibration (null: they are); the first chunk of a run records its layout.
     */
    void add(Connection c, long runId, List<Forecast> forecasts, byte[] halfWidths) throws SQLException {
        if (forecasts.isEmpty()) {
            return;
        }
        Forecast first = forecasts.get(0);
        int[] stations = first.stationIds().stream().mapToInt(Integer::intValue).toArray();
        int[] attentionRows = first.attention().map(OriginRows::rowStations).orElse(new int[0]);
        try (PreparedStatement layout = c.prepareStatement(
                "UPDATE forecast_run SET station_ids = ?, attention_rows = ? WHERE id = ? AND station_ids IS NULL")) {
            layout.setBytes(1, PackedArrays.ints(stations));
            layout.setBytes(2, first.attention().isPresent() ? PackedArrays.ints(attentionRows) : null);
            layout.setLong(3, runId);
            layout.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO forecast_origin (run_id, origin_ts, flow, parts, attention, half_widths) VALUES (?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Forecast f : forecasts) {
                if (!Arrays.equals(f.stationIds().stream().mapToInt(Integer::intValue).toArray(), stations)) {
                    throw new IllegalArgumentException("every forecast of a run must cover the run's stations in its order");
                }
                insert.setLong(1, runId);
                insert.setObject(2, OffsetDateTime.ofInstant(f.origin(), ZoneOffset.UTC));
                insert.setBytes(3, PackedArrays.floats(flow(f)));
                insert.setBytes(4, f.parts().isEmpty() ? null : PackedArrays.floats(parts(f)));
                insert.setBytes(5, f.attention().map(a -> PackedArrays.floats(attention(a))).orElse(null));
                insert.setBytes(6, halfWidths);
                insert.addBatch();
                if (++pending % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static int[] rowStations(AttentionWeights a) {
        int[] rows = new int[a.rows()];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = a.perStation() ? a.rowStationIds().get(r) : 0;
        }
        return rows;
    }

    /** Station by station, each its steps. */
    private static float[] flow(Forecast f) {
        int steps = f.horizonSteps();
        float[] packed = new float[f.stationCount() * steps];
        for (int s = 0; s < f.stationCount(); s++) {
            for (int h = 1; h <= steps; h++) {
                packed[s * steps + h - 1] = f.value(h, s);
            }
        }
        return packed;
    }

    /** Part by part, station by station, each its steps. */
    private static float[] parts(Forecast f) {
        int steps = f.horizonSteps();
        int n = f.stationCount();
        float[] packed = new float[f.parts().size() * n * steps];
        for (int p = 0; p < f.parts().size(); p++) {
            ForecastPart part = f.parts().get(p);
            for (int s = 0; s < n; s++) {
                for (int h = 1; h <= steps; h++) {
                    packed[(p * n + s) * steps + h - 1] = part.value(h, s);
                }
            }
        }
        return packed;
    }

    private static float[] attention(AttentionWeights a) {
        float[] packed = new float[a.rows() * a.lags()];
        for (int r = 0; r < a.rows(); r++) {
            System.arraycopy(a.weights()[r], 0, packed, r * a.lags(), a.lags());
        }
        return packed;
    }

    /** One station's steps from every origin in a range, by origin. */
    SortedMap<Instant, float[]> flows(Connection c, long runId, Layout layout, int stationId, TimeRange origins) throws SQLException {
        int index = layout.indexOf(stationId);
        return index < 0 ? new TreeMap<>() : slices(c, runId, "flow", origins, layout.stations().length, index);
    }

    /**
     * Each origin's value of a column in a range, cut into {@code count} equal slices (one per station, or per
     * attention row), and slice {@code index} of it; origins where the column is NULL are left out.
     */
    private static SortedMap<Instant, float[]> slices(Connection c, long runId, String column, TimeRange origins, int count, int index)
            throws SQLException {
        SortedMap<Instant, float[]> out = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT origin_ts, " + column + " FROM forecast_origin WHERE run_id = ? "
                + "AND origin_ts >= ? AND origin_ts < ? ORDER BY origin_ts")) {
            select.setLong(1, runId);
            select.setObject(2, OffsetDateTime.ofInstant(origins.from(), ZoneOffset.UTC));
            select.setObject(3, OffsetDateTime.ofInstant(origins.to(), ZoneOffset.UTC));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byte[] bytes = rs.getBytes(2);
                    if (bytes == null) {
                        continue;
                    }
                    float[] all = PackedArrays.readFloats(bytes);
                    int length = all.length / count;
                    out.put(rs.getObject(1, OffsetDateTime.class).toInstant(), Arrays.copyOfRange(all, index * length, (index
                            + 1) * length));
                }
            }
        }
        return out;
    }

    /** The half-widths each origin in a range was issued with, where they are not the run's calibration (a live run's). */
    SortedMap<Instant, float[]> halfWidths(Connection c, long runId, TimeRange origins) throws SQLException {
        return slices(c, runId, "half_widths", origins, 1, 0);
    }

    /** One station's additive parts from one origin, each its steps, in the run's part order; empty where none is stored. */
    List<float[]> parts(Connection c, long runId, Layout layout, int stationId, Instant origin, int partCount) throws SQLException {
        int index = layout.indexOf(stationId);
        if (index < 0 || partCount == 0) {
            return List.of();
        }
        try (PreparedStatement select = c.prepareStatement("SELECT parts FROM forecast_origin WHERE run_id = ? AND origin_ts = ?")) {
            select.setLong(1, runId);
            select.setObject(2, OffsetDateTime.ofInstant(origin, ZoneOffset.UTC));
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getBytes(1) == null) {
                    return List.of();
                }
                float[] all = PackedArrays.readFloats(rs.getBytes(1));
                int n = layout.stations().length;
                int steps = all.length / (partCount * n);
                List<float[]> out = new ArrayList<>();
                for (int p = 0; p < partCount; p++) {
                    int from = (p * n + index) * steps;
                    out.add(Arrays.copyOfRange(all, from, from + steps));
                }
                return out;
            }
        }
    }

    /** A station's attention row (its own where the model gives one per station, else the window's) at every origin in a range. */
    SortedMap<Instant, float[]> attention(Connection c, long runId, Layout layout, int stationId, TimeRange origins) throws SQLException {
        int row = -1;
        for (int r = 0; r < layout.attentionRows().length; r++) {
            if (layout.attentionRows()[r] == stationId || (row < 0 && layout.attentionRows()[r] == 0)) {
                row = r;
            }
        }
        return row < 0 ? new TreeMap<>() : slices(c, runId, "attention", origins, layout.attentionRows().length, row);
    }
}
