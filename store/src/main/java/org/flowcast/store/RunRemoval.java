package org.flowcast.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run holds across the forecast tables, and its deletion: the origin rows, the per-station rows of runs written
 * before V7, attention, interval calibration, realised accuracy, the newest forecasts' plain rows and the live row. Only
 * some of them reference {@code forecast_run} with ON DELETE CASCADE, so each is deleted by name.
 */
final class RunRemoval {
    private final ForecastStore forecasts = new ForecastStore();

    /** A run's stored origins: how many (-1: count them on the run) and the first and last. */
    private record Span(int origins, Instant first, Instant last) {
    }

    /** Every run with its live flag and its origins as stored now. */
    List<RunSummary> summaries(Connection c) throws SQLException {
        Set<Long> live = liveRuns(c);
        Map<Long, Span> spans = new HashMap<>();
        span(c, "SELECT run_id, COUNT(*), MIN(origin_ts), MAX(origin_ts) FROM forecast_origin GROUP BY run_id", spans);
        // runs of per-station rows: their origin count is on the run (they never change once written)
        span(c, "SELECT run_id, -1, MIN(origin_ts), MAX(origin_ts) FROM forecast GROUP BY run_id", spans);
        return forecasts.runs(c).stream().map(run -> {
            Span span = spans.get(run.id());
            if (span == null) {
                return new RunSummary(run, live.contains(run.id()), 0, Optional.empty(), Optional.empty());
            }
            int origins = span.origins() < 0 ? run.origins() : span.origins();
            return new RunSummary(run, live.contains(run.id()), origins, Optional.of(span.first()), Optional.of(span.last()));
        }).toList();
    }

    private static Set<Long> liveRuns(Connection c) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT run_id FROM live_run");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static void span(Connection c, String sql, Map<Long, Span> into) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                into.putIfAbsent(rs.getLong(1), new Span(rs.getInt(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant()));
            }
        }
    }

    /** Deletes a run and everything of it; empty (and nothing deleted) where there is no such run. The caller commits. */
    Optional<DeletedRun> delete(Connection c, long runId) throws SQLException {
        Optional<ForecastRun> run = forecasts.runs(c).stream().filter(r -> r.id() == runId).findFirst();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        long latest = delete(c, "forecast_latest", runId);
        long scores = delete(c, "forecast_score", runId);
        boolean live = delete(c, "live_run", runId) > 0;
        long origins = delete(c, "forecast_origin", runId);
        long attention = delete(c, "attention", runId);
        long stations = delete(c, "forecast", runId);
        long intervals = delete(c, "forecast_interval", runId);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM forecast_run WHERE id = ?")) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
        return Optional.of(new DeletedRun(run.get(), live, origins, stations, attention, intervals, scores, latest));
    }

    private static long delete(Connection c, String table, long runId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
            delete.setLong(1, runId);
            return delete.executeUpdate();
        }
    }
}
