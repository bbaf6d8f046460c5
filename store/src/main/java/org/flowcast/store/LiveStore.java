package org.flowcast.store;
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
import java.util.SortedMap;
import java.util.TreeMap;
import org.flowcast.core.AccuracyRow;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Forecast;
import org.flowcast.core.InputShares;
import org.flowcast.core.PredictionInterval;
import org.flowcast.core.TimeRange;

/** The {@code live_run}, {@code forecast_score} and {@code forecast_latest} tables, and a live run's origin rows. */
final class LiveStore {
    private static final String RUN_COLUMNS = "l.run_id, l.corridor, l.model, r.model_file, r.horizon, r.station_ids, l.interval_state, "
            + "l.processed_through, l.reference_mae, l.model_since";

    private final ForecastStore forecasts = new ForecastStore();
    private final OriginRows originRows = new OriginRows();

    Optional<LiveRun> find(Connection c, String corridor, String model) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM live_run l JOIN forecast_run r "
                + "ON r.id = l.run_id WHERE l.corridor = ? AND l.model = ?")) {
            select.setString(1, corridor);
            select.setString(2, model);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    List<LiveRun> all(Connection c) throws SQLException {
        List<LiveRun> runs = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM live_run l JOIN forecast_run r "
                + "ON r.id = l.run_id ORDER BY l.corridor, l.model");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                runs.add(read(rs));
            }
        }
        return runs;
    }

    private static LiveRun read(ResultSet rs) throws SQLException {
        byte[] stations = rs.getBytes(6);
        List<Integer> ids = new ArrayList<>();
        if (stations != null) {
            for (int id : PackedArrays.readInts(stations)) {
                ids.add(id);
            }
        }
        OffsetDateTime through = rs.getObject(8, OffsetDateTime.class);
        double reference = rs.getDouble(9);
        boolean noReference = rs.wasNull();
        OffsetDateTime since = rs.getObject(10, OffsetDateTime.class);
        return new LiveRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), ids,
                Optional.ofNullable(rs.getBytes(7)), Optional.ofNullable(through).map(OffsetDateTime::toInstant),
                noReference ? Double.NaN : reference, Optional.ofNullable(since).map(OffsetDateTime::toInstant));
    }

    /** Starts a live run: a forecast run of no origins yet, its station order recorded, and its live row. */
    long create(Connection c, String corridor, String model, String modelFile, int horizon, List<Integer> stationIds,
                Optional<Instant> startAfter) throws SQLException {
        // the run's range is data time (its first origin comes after startAfter), not the clock's: a replay's data is old
        Instant first = startAfter.map(t -> t.plusSeconds(300)).orElse(Instant.now());
        long runId = forecasts.beginRun(c, "live|" + corridor + "|" + model, model, modelFile, horizon, new TimeRange(first, first),
                stationIds.size(), InputShares.UNKNOWN);
        forecasts.nameCorridor(c, runId, corridor);
        try (PreparedStatement layout = c.prepareStatement("UPDATE forecast_run SET station_ids = ? WHERE id = ?")) {
            layout.setBytes(1, PackedArrays.ints(stationIds.stream().mapToInt(Integer::intValue).toArray()));
            layout.setLong(2, runId);
            layout.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO live_run (run_id, corridor, model, processed_through) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, runId);
            insert.setString(2, corridor);
            insert.setString(3, model);
            insert.setObject(4, startAfter.map(LiveStore::utc).orElse(null));
            insert.executeUpdate();
        }
        return runId;
    }

    /** Ends a run's live life (its stations changed): the run and its origins stay, as a run of history. */
    void retire(Connection c, long runId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM live_run WHERE run_id = ?")) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
        try (PreparedStatement rename = c.prepareStatement("UPDATE forecast_run SET run_key = ? WHERE id = ?")) {
            rename.setString(1, "retired-live|" + runId);
            rename.setLong(2, runId);
            rename.executeUpdate();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM forecast_latest WHERE run_id = ?")) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
    }

    /**
     * Puts a fine-tuned model on a run from origin {@code since}: its reference error is the one given, and the interval
     * state of the model before is dropped (the new model's intervals start from its own calibration).
     */
    void swapModel(Connection c, long runId, Instant since, double mae) throws SQLException {
        setReference(c, runId, mae);
        try (PreparedStatement update = c.prepareStatement("UPDATE live_run SET model_since = ?, interval_state = NULL WHERE run_id = ?")) {
            update.setObject(1, utc(since));
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    void setReference(Connection c, long runId, double mae) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE live_run SET reference_mae = ? WHERE run_id = ?")) {
            if (Double.isNaN(mae)) {
                update.setNull(1, Types.DOUBLE);
            } else {
                update.setDouble(1, mae);
            }
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    void setModelFile(Connection c, long runId, String modelFile) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE forecast_run SET model_file = ? WHERE id = ?")) {
            update.setString(1, modelFile);
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    /**
     * Writes one step's work: each score (replacing one of the same origin and step, so that a step done again after a
     * restart writes the same rows once), the origin's forecast row and the newest forecasts' plain rows, and the run's
     * state; the caller commits.
     */
    void write(Connection c, LiveRun run, LiveStep step) throws SQLException {
        writeScores(c, run, step.scores());
        if (step.forecast().isPresent()) {
            Forecast forecast = step.forecast().get();
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM forecast_origin WHERE run_id = ? AND origin_ts = ?")) {
                delete.setLong(1, run.runId());
                delete.setObject(2, utc(forecast.origin()));
                delete.executeUpdate();
            }
            originRows.add(c, run.runId(), List.of(forecast), halfWidths(step.issued(), forecast.horizonSteps()));
            ForecastStore.countClipped(c, run.runId(), List.of(forecast));
            // the run's origins span its stored origins (created, it spans the moment it started: data time may lie long before)
            try (PreparedStatement count = c.prepareStatement("UPDATE forecast_run SET origins = (SELECT COUNT(*) FROM forecast_origin "
                    + "WHERE run_id = ?), range_from = (SELECT MIN(origin_ts) FROM forecast_origin WHERE run_id = ?), range_to = ? "
                    + "WHERE id = ?")) {
                count.setLong(1, run.runId());
                count.setLong(2, run.runId());
                count.setObject(3, utc(forecast.origin().plusSeconds(300)));
                count.setLong(4, run.runId());
                count.executeUpdate();
            }
            writeLatest(c, run, forecast);
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE live_run SET interval_state = ?, processed_through = ? WHERE run_id = ?")) {
            update.setBytes(1, step.intervalState());
            update.setObject(2, utc(step.step()));
            update.setLong(3, run.runId());
            update.executeUpdate();
        }
    }

    private static byte[] halfWidths(List<ConformalIntervals> issued, int horizon) {
        if (issued.isEmpty()) {
            return null;
        }
        float[] packed = new float[issued.size() * horizon];
        for (int l = 0; l < issued.size(); l++) {
            for (int h = 0; h < horizon; h++) {
                packed[l * horizon + h] = (float) issued.get(l).halfWidth()[h];
            }
        }
        return PackedArrays.floats(packed);
    }

    /** An interval's columns of a score: NULL both where no interval was issued (its width sum is NaN). */
    private static void intervalColumns(PreparedStatement insert, int insideColumn, int widthColumn, int inside, double width)
            throws SQLException {
        if (Double.isNaN(width)) {
            insert.setNull(insideColumn, Types.INTEGER);
            insert.setNull(widthColumn, Types.DOUBLE);
        } else {
            insert.setInt(insideColumn, inside);
            insert.setDouble(widthColumn, width);
        }
    }

    private static void writeScores(Connection c, LiveRun run, List<OriginScore> scores) throws SQLException {
        if (scores.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM forecast_score WHERE run_id = ? AND origin_ts = ? AND step = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO forecast_score (run_id, origin_ts, step, target_ts, target_hour, "
                     + "corridor, model, scored, abs_error, sq_error, pct_scored, pct_error, inside80, inside95, width80, width95) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (OriginScore s : scores) {
                delete.setLong(1, run.runId());
                delete.setObject(2, utc(s.origin()));
                delete.setInt(3, s.step());
                delete.addBatch();
                insert.setLong(1, run.runId());
                insert.setObject(2, utc(s.origin()));
                insert.setInt(3, s.step());
                insert.setObject(4, utc(s.target()));
                insert.setInt(5, s.targetHour());
                insert.setString(6, run.corridor());
                insert.setString(7, run.model());
                insert.setInt(8, s.scored());
                insert.setDouble(9, s.absError());
                insert.setDouble(10, s.sqError());
                insert.setInt(11, s.pctScored());
                insert.setDouble(12, s.pctError());
                intervalColumns(insert, 13, 15, s.inside80(), s.width80());
                intervalColumns(insert, 14, 16, s.inside95(), s.width95());
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    private static void writeLatest(Connection c, LiveRun run, Forecast f) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM forecast_latest WHERE corridor = ? AND model = ?")) {
            delete.setString(1, run.corridor());
            delete.setString(2, run.model());
            delete.executeUpdate();
        }
        Optional<PredictionInterval> i80 = f.interval(0.8);
        Optional<PredictionInterval> i95 = f.interval(0.95);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO forecast_latest (corridor, model, run_id, station_id, origin_ts, "
                + "step, target_ts, flow, lower80, upper80, lower95, upper95) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int s = 0; s < f.stationCount(); s++) {
                for (int h = 1; h <= f.horizonSteps(); h++) {
                    insert.setString(1, run.corridor());
                    insert.setString(2, run.model());
                    insert.setLong(3, run.runId());
                    insert.setInt(4, f.stationIds().get(s));
                    insert.setObject(5, utc(f.origin()));
                    insert.setInt(6, h);
                    insert.setObject(7, utc(f.origin().plusSeconds(300L * h)));
                    insert.setFloat(8, f.value(h, s));
                    setBound(insert, 9, i80.isPresent() ? i80.get().lower(h, s) : Float.NaN);
                    setBound(insert, 10, i80.isPresent() ? i80.get().upper(h, s) : Float.NaN);
                    setBound(insert, 11, i95.isPresent() ? i95.get().lower(h, s) : Float.NaN);
                    setBound(insert, 12, i95.isPresent() ? i95.get().upper(h, s) : Float.NaN);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void setBound(PreparedStatement statement, int index, float value) throws SQLException {
        if (Float.isNaN(value)) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setFloat(index, value);
        }
    }

    /** A live run's stored forecast from one origin: each station's steps in the run's order, and the half-widths issued. */
    Optional<StoredOrigin> origin(Connection c, long runId, Instant origin) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT flow, half_widths FROM forecast_origin WHERE run_id = ? AND origin_ts = ?")) {
            select.setLong(1, runId);
            select.setObject(2, utc(origin));
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] widths = rs.getBytes(2);
                return Optional.of(new StoredOrigin(origin, PackedArrays.readFloats(rs.getBytes(1)),
                        widths == null ? new float[0] : PackedArrays.readFloats(widths)));
            }
        }
    }

    /** A live run's stored forecasts from the origins in a range, by origin. */
    SortedMap<Instant, StoredOrigin> origins(Connection c, long runId, TimeRange range) throws SQLException {
        SortedMap<Instant, StoredOrigin> out = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT origin_ts, flow, half_widths FROM forecast_origin WHERE run_id = ? "
                + "AND origin_ts >= ? AND origin_ts < ? ORDER BY origin_ts")) {
            select.setLong(1, runId);
            select.setObject(2, utc(range.from()));
            select.setObject(3, utc(range.to()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant origin = rs.getObject(1, OffsetDateTime.class).toInstant();
                    byte[] widths = rs.getBytes(3);
                    out.put(origin, new StoredOrigin(origin, PackedArrays.readFloats(rs.getBytes(2)),
                            widths == null ? new float[0] : PackedArrays.readFloats(widths)));
                }
            }
        }
        return out;
    }

    /**
     * Realised accuracy by corridor, model and step over the targets in {@code window} (by hour of day too where
     * {@code byHour}), of one corridor where it is not null; rows in corridor, model, step (and hour) order.
     */
    List<AccuracyRow> accuracy(Connection c, String corridor, TimeRange window, boolean byHour) throws SQLException {
        String groups = "corridor, model, step" + (byHour ? ", target_hour" : "");
        String sql = "SELECT " + groups + ", SUM(scored), SUM(abs_error), SUM(sq_error), SUM(pct_scored), SUM(pct_error), "
                + "SUM(inside80), SUM(inside95), SUM(width80), SUM(width95), MIN(target_ts), MAX(target_ts), "
                + "SUM(CASE WHEN width80 IS NULL THEN 0 ELSE scored END), SUM(CASE WHEN width95 IS NULL THEN 0 ELSE scored END) "
                + "FROM forecast_score "
                + "WHERE target_ts >= ? AND target_ts < ?" + (corridor == null ? "" : " AND corridor = ?")
                + " GROUP BY " + groups + " ORDER BY " + groups;
        List<AccuracyRow> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, utc(window.from()));
            select.setObject(2, utc(window.to()));
            if (corridor != null) {
                select.setString(3, corridor);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    int k = byHour ? 5 : 4;
                    long scored = rs.getLong(k);
                    long pct = rs.getLong(k + 3);
                    double n = scored == 0 ? Double.NaN : scored;
                    // coverage and width over the values scored against an interval; NaN where none was issued
                    long with80 = rs.getLong(k + 11);
                    long with95 = rs.getLong(k + 12);
                    double n80 = with80 == 0 ? Double.NaN : with80;
                    double n95 = with95 == 0 ? Double.NaN : with95;
                    rows.add(new AccuracyRow(rs.getString(1), rs.getString(2), rs.getInt(3), byHour ? rs.getInt(4) : -1, scored,
                            rs.getDouble(k + 1) / n, Math.sqrt(rs.getDouble(k + 2) / n),
                            pct == 0 ? Double.NaN : 100 * rs.getDouble(k + 4) / pct,
                            rs.getLong(k + 5) / n80, rs.getLong(k + 6) / n95, rs.getDouble(k + 7) / n80, rs.getDouble(k + 8) / n95,
                            rs.getObject(k + 9, OffsetDateTime.class).toInstant(), rs.getObject(k + 10, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return rows;
    }

    /** Deletes live runs' origins before {@code originsBefore} and scores of targets before {@code scoresBefore}. */
    long[] prune(Connection c, Instant originsBefore, Instant scoresBefore) throws SQLException {
        long origins;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM forecast_origin WHERE origin_ts < ? "
                + "AND run_id IN (SELECT run_id FROM live_run)")) {
            delete.setObject(1, utc(originsBefore));
            origins = delete.executeUpdate();
        }
        try (Statement count = c.createStatement()) {
            count.executeUpdate("UPDATE forecast_run SET origins = (SELECT COUNT(*) FROM forecast_origin o "
                    + "WHERE o.run_id = forecast_run.id), range_from = COALESCE((SELECT MIN(o.origin_ts) FROM forecast_origin o "
                    + "WHERE o.run_id = forecast_run.id), range_from) WHERE id IN (SELECT run_id FROM live_run)");
        }
        long scores;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM forecast_score WHERE target_ts < ?")) {
            delete.setObject(1, utc(scoresBefore));
            scores = delete.executeUpdate();
        }
        return new long[] {origins, scores};
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
