package org.flowcast.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flowcast.core.ConformalIntervals;

/**
 * Reads forecasts and realised accuracy as plain rows, one at a time: a run's packed origins decoded station by station
 * with the bounds made again from their half-widths exactly as {@link ForecastStore#forecasts} makes them, the
 * {@code forecast_values} view (each live run's newest forecasts) and the {@code forecast_accuracy} view.
 */
final class ForecastRowQueries {
    // rows fetched at a time: PostgreSQL streams a result set through a cursor only with a fetch size, in a transaction
    private static final int FETCH = 512;
    private static final long STEP_SECONDS = 300;

    private final ForecastStore forecasts = new ForecastStore();
    private final OriginRows originRows = new OriginRows();

    private record RunFacts(String model, String corridor) {
    }

    /** Every forecast of a run, by origin, station (in the run's order) and step; returns how many rows were handed on. */
    <E extends Exception> long run(Connection c, long runId, RowSink<ForecastRow, E> sink) throws SQLException, E {
        Optional<RunFacts> facts = facts(c, runId);
        if (facts.isEmpty()) {
            return 0;
        }
        List<ConformalIntervals> calibration = forecasts.calibration(c, runId);
        Optional<OriginRows.Layout> layout = originRows.layout(c, runId);
        return layout.isPresent() ? originRows(c, runId, facts.get(), layout.get(), calibration, sink)
                : stationRows(c, runId, facts.get(), calibration, sink);
    }

    private static Optional<RunFacts> facts(Connection c, long runId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT model, corridor FROM forecast_run WHERE id = ?")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new RunFacts(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    private static <E extends Exception> long originRows(Connection c, long runId, RunFacts facts, OriginRows.Layout layout,
                                                         List<ConformalIntervals> calibration, RowSink<ForecastRow, E> sink)
            throws SQLException, E {
        int[] stations = layout.stations();
        long count = 0;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT origin_ts, flow, half_widths FROM forecast_origin WHERE run_id = ? ORDER BY origin_ts")) {
            select.setFetchSize(FETCH);
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant origin = rs.getObject(1, OffsetDateTime.class).toInstant();
                    float[] all = PackedArrays.readFloats(rs.getBytes(2));
                    byte[] widths = rs.getBytes(3);
                    int steps = all.length / stations.length;
                    // a live run's origin carries the half-widths it was issued with; any other the run's calibration
                    List<ConformalIntervals> bands = widths == null ? calibration
                            : ForecastStore.issuedBands(PackedArrays.readFloats(widths), steps);
                    for (int s = 0; s < stations.length; s++) {
                        float[] flow = Arrays.copyOfRange(all, s * steps, (s + 1) * steps);
                        count += emit(runId, facts, stations[s], origin, flow, ForecastStore.boundsFrom(bands, flow), sink);
                    }
                }
            }
        }
        return count;
    }

    /** A run written before V7 (or with bounds of its own): one row per origin and station. */
    private static <E extends Exception> long stationRows(Connection c, long runId, RunFacts facts, List<ConformalIntervals> calibration,
                                                          RowSink<ForecastRow, E> sink) throws SQLException, E {
        long count = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT origin_ts, station_id, flow, lower80, upper80, lower95, upper95 "
                + "FROM forecast WHERE run_id = ? ORDER BY origin_ts, station_id")) {
            select.setFetchSize(FETCH);
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    float[] flow = PackedArrays.readFloats(rs.getBytes(3));
                    float[][] bounds = new float[4][];
                    for (int k = 0; k < 4; k++) {
                        byte[] bytes = rs.getBytes(4 + k);
                        bounds[k] = bytes == null ? null : PackedArrays.readFloats(bytes);
                    }
                    if (bounds[0] == null && !calibration.isEmpty()) {
                        bounds = ForecastStore.boundsFrom(calibration, flow);
                    }
                    count += emit(runId, facts, rs.getInt(2), rs.getObject(1, OffsetDateTime.class).toInstant(), flow, bounds, sink);
                }
            }
        }
        return count;
    }

    private static <E extends Exception> int emit(long runId, RunFacts facts, int station, Instant origin, float[] flow, float[][] bounds,
                                                  RowSink<ForecastRow, E> sink) throws E {
        for (int h = 1; h <= flow.length; h++) {
            sink.accept(new ForecastRow(runId, facts.corridor(), facts.model(), station, origin, h, origin.plusSeconds(STEP_SECONDS * h),
                    flow[h - 1], at(bounds[0], h), at(bounds[1], h), at(bounds[2], h), at(bounds[3], h)));
        }
        return flow.length;
    }

    private static float at(float[] values, int step) {
        return values == null ? Float.NaN : values[step - 1];
    }

    /** The {@code forecast_values} view's rows, of one corridor where it is not null, by corridor, model, station and step. */
    <E extends Exception> long latest(Connection c, String corridor, RowSink<ForecastRow, E> sink) throws SQLException, E {
        long count = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT run_id, corridor, model, station_id, origin_ts, step, target_ts, "
                + "flow, lower80, upper80, lower95, upper95 FROM forecast_values" + (corridor == null ? "" : " WHERE corridor = ?")
                + " ORDER BY corridor, model, station_id, step")) {
            select.setFetchSize(FETCH);
            if (corridor != null) {
                select.setString(1, corridor);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new ForecastRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), instant(rs, 5),
                            rs.getInt(6), instant(rs, 7), rs.getFloat(8), nullableFloat(rs, 9), nullableFloat(rs, 10),
                            nullableFloat(rs, 11), nullableFloat(rs, 12)));
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * The {@code forecast_accuracy} view's rows, of one corridor where it is not null and of targets from {@code since}
     * where it is not null, by corridor, model, origin and step.
     */
    <E extends Exception> long accuracy(Connection c, String corridor, Instant since, RowSink<OriginStepAccuracy, E> sink)
            throws SQLException, E {
        String where = (corridor == null ? "" : " AND corridor = ?") + (since == null ? "" : " AND target_ts >= ?");
        long count = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT corridor, model, run_id, origin_ts, step, target_ts, target_hour, "
                + "scored, mae, rmse, mape, coverage80, coverage95 FROM forecast_accuracy WHERE 1 = 1" + where
                + " ORDER BY corridor, model, origin_ts, step")) {
            select.setFetchSize(FETCH);
            int p = 1;
            if (corridor != null) {
                select.setString(p++, corridor);
            }
            if (since != null) {
                select.setObject(p, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new OriginStepAccuracy(rs.getString(1), rs.getString(2), rs.getLong(3), instant(rs, 4), rs.getInt(5),
                            instant(rs, 6), rs.getInt(7), rs.getInt(8), nullableDouble(rs, 9), nullableDouble(rs, 10),
                            nullableDouble(rs, 11), nullableDouble(rs, 12), nullableDouble(rs, 13)));
                    count++;
                }
            }
        }
        return count;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static float nullableFloat(ResultSet rs, int column) throws SQLException {
        float value = rs.getFloat(column);
        return rs.wasNull() ? Float.NaN : value;
    }

    private static double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }
}
