package org.flowcast.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Forecast;
import org.flowcast.core.InputShares;
import org.flowcast.core.PemsTime;
import org.flowcast.core.TimeRange;

/**
 * A small database of forecasts for the tests of exports and run management, written through the store's facades as
 * the forecast job and the watcher write them: a calibrated run of corridor 5-N (bounds made again from its half-widths),
 * a run with bounds on its rows and no corridor (one level only), and the live run of 5-S with three committed steps, each
 * forecast with the half-widths it was issued with and the scores of the earlier origins whose targets it observed (one
 * of them of no value scored, one without a relative error). Values have fractions that decimal text writes inexactly,
 * and one is low enough that its lower bound is floored at 0.
 */
public final class ForecastFixture {
    /** 07:30 Pacific daylight time. */
    public static final Instant T0 = Instant.parse("2023-04-13T14:30:00Z");
    public static final Duration STEP = Duration.ofMinutes(5);
    public static final List<Integer> STATIONS = List.of(1205320, 1205330, 1205340);
    public static final int HORIZON = 3;
    public static final int ORIGINS = 4;
    public static final int LIVE_STEPS = 3;
    public static final List<ConformalIntervals> CALIBRATION = List.of(new ConformalIntervals(0.8, new double[] {3.25, 4.5, 6}),
            new ConformalIntervals(0.95, new double[] {12.125, 15, 20.5}));

    /** The tables that hold rows of a run, by its id. */
    public static final List<String> RUN_TABLES = List.of("forecast_origin", "forecast", "attention", "forecast_interval",
            "forecast_score", "forecast_latest", "live_run");

    /** The ids of the runs written. */
    public record Runs(long calibrated, long withBounds, long live) {
    }

    private ForecastFixture() {
    }

    public static Runs write(FlowcastDatabase db) throws StoreException {
        ForecastRuns runs = new ForecastRuns(db);
        TimeRange range = new TimeRange(T0, T0.plus(STEP.multipliedBy(ORIGINS)));
        long calibrated = runs.replace(new NewForecastRun("fixture|calibrated", "linear-ar", "linear-ar-h3-5-N.fcm", HORIZON, range,
                STATIONS.size(), new InputShares(0.75, 0.125, 0.125), CALIBRATION, "5-N"), sink -> {
                    List<Forecast> forecasts = new ArrayList<>();
                    for (int o = 0; o < ORIGINS; o++) {
                        forecasts.add(ConformalIntervals.around(forecast("linear-ar", origin(o), 0), CALIBRATION));
                    }
                    sink.add(forecasts);
                });
        List<ConformalIntervals> onlyEighty = List.of(new ConformalIntervals(0.8, new double[] {2, 3, 4}));
        long withBounds = runs.replace(new NewForecastRun("fixture|bounds", "persistence", "persistence-h3.fcm", HORIZON, range,
                STATIONS.size(), InputShares.UNKNOWN, List.of(), ""), sink -> {
                    List<Forecast> forecasts = new ArrayList<>();
                    for (int o = 0; o < ORIGINS; o++) {
                        forecasts.add(ConformalIntervals.around(forecast("persistence", origin(o), 50), onlyEighty));
                    }
                    sink.add(forecasts);
                });
        LiveRuns live = new LiveRuns(db);
        LiveRun run = live.open("5-S", "linear-ar", "linear-ar-h3-5-S.fcm", HORIZON, STATIONS, Optional.of(T0.minus(STEP)));
        for (int k = 0; k < LIVE_STEPS; k++) {
            Instant t = origin(k);
            List<ConformalIntervals> issued = issued(k);
            Forecast f = ConformalIntervals.around(forecast("linear-ar", t, 20), issued);
            live.commit(run, new LiveStep(run.runId(), t, scoresObservedAt(t), new byte[] {(byte) k}, Optional.of(f), issued));
        }
        return new Runs(calibrated, withBounds, run.runId());
    }

    public static Instant origin(int index) {
        return T0.plus(STEP.multipliedBy(index));
    }

    /** The half-widths the live run's step {@code k} issued its intervals with: float-exact, so stored and used alike. */
    public static List<ConformalIntervals> issued(int k) {
        return List.of(new ConformalIntervals(0.8, new double[] {2.5 + k, 3.5 + k, 4.5 + k}),
                new ConformalIntervals(0.95, new double[] {8 + k, 10 + k, 12.25 + k}));
    }

    /**
     * What {@link ForecastRuns#forecasts} gives for a run of the fixture's stations, as the rows an export writes: by
     * origin, station in the run's order, and step.
     */
    public static List<ForecastRow> storedRows(FlowcastDatabase db, long runId) throws StoreException {
        ForecastRun run = new ForecastRuns(db).runs().stream().filter(r -> r.id() == runId).findFirst().orElseThrow();
        Map<Integer, List<StoredForecast>> byStation = new ForecastRuns(db).forecasts(runId, STATIONS,
                new TimeRange(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")));
        Map<Instant, List<ForecastRow>> byOrigin = new TreeMap<>();
        for (int station : STATIONS) {
            for (StoredForecast f : byStation.get(station)) {
                byOrigin.computeIfAbsent(f.origin(), o -> new ArrayList<>()).add(new ForecastRow(runId, run.corridor(), run.model(),
                        station, f.origin(), f.step(), f.origin().plus(STEP.multipliedBy(f.step())), f.value(), f.lower80(),
                        f.upper80(), f.lower95(), f.upper95()));
            }
        }
        List<ForecastRow> rows = new ArrayList<>();
        byOrigin.values().forEach(rows::addAll);
        return rows;
    }

    /** The live run's scores as the {@code forecast_accuracy} view gives them: the sums divided, by origin and step. */
    public static List<OriginStepAccuracy> accuracyRows(long liveRun) {
        return scores().stream().map(s -> {
            double n = s.scored() == 0 ? Double.NaN : s.scored();
            return new OriginStepAccuracy("5-S", "linear-ar", liveRun, s.origin(), s.step(), s.target(), s.targetHour(), s.scored(),
                    s.absError() / n, Math.sqrt(s.sqError() / n), s.pctScored() == 0 ? Double.NaN : 100 * s.pctError() / s.pctScored(),
                    s.inside80() / n, s.inside95() / n);
        }).sorted(Comparator.comparing(OriginStepAccuracy::origin).thenComparingInt(OriginStepAccuracy::step)).toList();
    }

    /** How many rows of a run each table that holds runs' rows has, and its own row in {@code forecast_run}. */
    public static Map<String, Long> rowsOf(FlowcastDatabase db, long runId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.connect()) {
            for (String table : RUN_TABLES) {
                counts.put(table, count(c, "SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", runId));
            }
            counts.put("forecast_run", count(c, "SELECT COUNT(*) FROM forecast_run WHERE id = ?", runId));
        }
        return counts;
    }

    private static long count(Connection c, String sql, long runId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Forecast forecast(String model, Instant origin, float offset) {
        int o = (int) Duration.between(T0, origin).dividedBy(STEP);
        float[][] values = new float[HORIZON][STATIONS.size()];
        for (int h = 1; h <= HORIZON; h++) {
            for (int s = 0; s < STATIONS.size(); s++) {
                values[h - 1][s] = o == 0 && h == 1 && s == 0 ? 1.5f : 100.1f + offset + 10.3f * o + 7.7f * s + 1.01f * h;
            }
        }
        return new Forecast(model, origin, STEP, STATIONS, values);
    }

    /** Every score the live run holds: those committed at each step, of the origins whose targets it observed. */
    public static List<OriginScore> scores() {
        List<OriginScore> all = new ArrayList<>();
        for (int k = 0; k < LIVE_STEPS; k++) {
            all.addAll(scoresObservedAt(origin(k)));
        }
        return all;
    }

    private static List<OriginScore> scoresObservedAt(Instant t) {
        List<OriginScore> scores = new ArrayList<>();
        for (int h = 1; h <= HORIZON; h++) {
            Instant origin = t.minus(STEP.multipliedBy(h));
            if (origin.isBefore(T0)) {
                continue;
            }
            int hour = ZonedDateTime.ofInstant(t, PemsTime.ZONE).getHour();
            int scored = origin.equals(T0) && h == 1 ? 0 : 3;
            int pctScored = h == 2 ? 0 : scored;
            scores.add(new OriginScore(origin, h, t, hour, scored, scored * (1.25 + h), scored * (2.5 + h * h), pctScored,
                    pctScored * 0.0625 * h, scored == 0 ? 0 : 2, scored, scored * 6.5, scored * 20.25));
        }
        return scores;
    }
}
