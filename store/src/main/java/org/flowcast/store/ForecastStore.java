package org.flowcast.store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastPart;
import org.flowcast.core.InputShares;
import org.flowcast.core.PredictionInterval;
import org.flowcast.core.TimeRange;

/**
 * The {@code forecast_run}, {@code forecast_origin}, {@code forecast}, {@code forecast_interval} and {@code attention} tables.
 * A calibrated run (every run the forecast job writes since V7) keeps one row per origin ({@link OriginRows});
 * runs of forecasts with bounds of their own, and runs written before, keep one row per origin and station.
 * Writing a run replaces an earlier run of the same key in the same transaction, so readers see the old
 * run or the new one. A run with a conformal calibration stores its half-widths once and its rows only
 * the forecasts (and their parts); the bounds are made again on reading, exactly as the calibration made them.
 */
final class ForecastStore {
    private static final int BATCH = 10_000;
    private final OriginRows originRows = new OriginRows();
    private final StationRows stationRows = new StationRows();

    /** Records the corridor a run's model was trained for; a run without one keeps NULL. */
    public void nameCorridor(Connection c, long runId, String corridor) throws SQLException {
        if (corridor.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE forecast_run SET corridor = ? WHERE id = ?")) {
            update.setString(1, corridor);
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    /** Starts writing a run: deletes the earlier run of the key and returns the new run's id. */
    public long beginRun(Connection c, String key, String model, String modelFile, int horizon, TimeRange range, int stations,
                         InputShares input) throws SQLException {
        return beginRun(c, key, model, modelFile, horizon, range, stations, input, List.of());
    }

    /**
     * Starts writing a run whose forecasts' intervals come from {@code calibration} (empty: bounds are
     * stored on every row, as {@link #add} finds them).
     */
    public long beginRun(Connection c, String key, String model, String modelFile, int horizon, TimeRange range, int stations,
                         InputShares input, List<ConformalIntervals> calibration) throws SQLException {
        originRows.deleteRunsOf(c, key);
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
            long id;
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            writeCalibration(c, id, calibration);
            return id;
        }
    }

    private static void writeCalibration(Connection c, long runId, List<ConformalIntervals> calibration) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO forecast_interval (run_id, level, step, half_width) VALUES (?, ?, ?, ?)")) {
            for (ConformalIntervals band : calibration) {
                for (int h = 1; h <= band.halfWidth().length; h++) {
                    insert.setLong(1, runId);
                    insert.setDouble(2, band.level());
                    insert.setInt(3, h);
                    insert.setDouble(4, band.halfWidth()[h - 1]);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The conformal calibration a run's bounds are made from; empty where its rows hold their bounds. */
    public List<ConformalIntervals> calibration(Connection c, long runId) throws SQLException {
        Map<Double, List<Double>> widths = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT level, half_width FROM forecast_interval WHERE run_id = ? ORDER BY level, step")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    widths.computeIfAbsent(rs.getDouble(1), l -> new ArrayList<>()).add(rs.getDouble(2));
                }
            }
        }
        List<ConformalIntervals> out = new ArrayList<>();
        widths.forEach((level, w) -> out.add(new ConformalIntervals(level, w.stream().mapToDouble(Double::doubleValue).toArray())));
        return out;
    }

    /** Adds forecasts (with their 80% and 95% intervals, parts and attention, where present) to a run. */
    public void add(Connection c, long runId, List<Forecast> forecasts) throws SQLException {
        add(c, runId, forecasts, List.of());
    }

    /**
     * Adds forecasts to a run begun with {@code calibration}: where it is not empty, the forecasts'
     * intervals must be the calibration's around them (refused otherwise), and only the forecasts are stored.
     */
    public void add(Connection c, long runId, List<Forecast> forecasts, List<ConformalIntervals> calibration) throws SQLException {
        boolean boundsOnRows = calibration.isEmpty();
        if (!boundsOnRows) {
            for (Forecast f : forecasts) {
                requireFromCalibration(f, calibration);
            }
        }
        if (!forecasts.isEmpty() && !forecasts.get(0).parts().isEmpty()) {
            try (PreparedStatement names = c.prepareStatement(
                    "UPDATE forecast_run SET part_names = ? WHERE id = ? AND part_names IS NULL")) {
                names.setString(1, String.join("|", forecasts.get(0).parts().stream().map(ForecastPart::name).toList()));
                names.setLong(2, runId);
                names.executeUpdate();
            }
        }
        if (!boundsOnRows || forecasts.stream().allMatch(f -> f.interval(0.8).isEmpty() && f.interval(0.95).isEmpty())) {
            originRows.add(c, runId, forecasts);
        } else {
            stationRows.add(c, runId, forecasts);
        }
        try (PreparedStatement count = c.prepareStatement("UPDATE forecast_run SET origins = origins + ? WHERE id = ?")) {
            count.setInt(1, forecasts.size());
            count.setLong(2, runId);
            count.executeUpdate();
        }
        countClipped(c, runId, forecasts);
    }

    /** Adds the forecasts' values raised to zero flow to the run's count. */
    static void countClipped(Connection c, long runId, List<Forecast> forecasts) throws SQLException {
        long clipped = forecasts.stream().mapToLong(Forecast::clippedValues).sum();
        try (PreparedStatement count = c.prepareStatement(
                "UPDATE forecast_run SET clipped_values = COALESCE(clipped_values, 0) + ? WHERE id = ?")) {
            count.setLong(1, clipped);
            count.setLong(2, runId);
            count.executeUpdate();
        }
    }

    private static void requireFromCalibration(Forecast f, List<ConformalIntervals> calibration) {
        for (ConformalIntervals band : calibration) {
            Optional<PredictionInterval> interval = f.interval(band.level());
            if (interval.isEmpty() || band.halfWidth().length < f.horizonSteps()) {
                throw new IllegalArgumentException("the forecast from " + f.origin() + " has no " + band.level()
                        + " interval of the run's calibration");
            }
            for (int h = 1; h <= f.horizonSteps(); h++) {
                for (int s = 0; s < f.stationCount(); s++) {
                    float v = f.value(h, s);
                    if (Float.compare(interval.get().lower(h, s), band.lower(v, h)) != 0
                            || Float.compare(interval.get().upper(h, s), band.upper(v, h)) != 0) {
                        throw new IllegalArgumentException("the forecast's " + band.level() + " interval at step " + h
                                + " is not the run's calibration around it; store its bounds on the rows instead");
                    }
                }
            }
        }
    }

    private static InputShares shares(ResultSet rs) throws SQLException {
        float observed = rs.getFloat(11);
        return rs.wasNull() ? InputShares.UNKNOWN : new InputShares(observed, rs.getFloat(12), rs.getFloat(13));
    }

    public List<ForecastRun> runs(Connection c) throws SQLException {
        List<ForecastRun> runs = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, run_key, model, model_file, horizon, range_from, range_to, "
                + "stations, origins, created_at, input_observed, input_imputed, input_missing, corridor FROM forecast_run ORDER BY id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                runs.add(new ForecastRun(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        range(c, rs.getLong(1), rs.getObject(6, OffsetDateTime.class).toInstant(),
                                rs.getObject(7, OffsetDateTime.class).toInstant()),
                        rs.getInt(8), rs.getInt(9), rs.getObject(10, OffsetDateTime.class).toInstant(), shares(rs), rs.getString(14)));
            }
        }
        return runs;
    }

    /**
     * A run's range of origins. A live run is begun at the wall-clock time it was started and its end follows the origins
     * of its data, which a replay of older data puts before that start: its range then starts at its first stored origin.
     */
    private static TimeRange range(Connection c, long runId, Instant from, Instant to) throws SQLException {
        if (!to.isBefore(from)) {
            return new TimeRange(from, to);
        }
        try (PreparedStatement select = c.prepareStatement("SELECT MIN(origin_ts) FROM forecast_origin WHERE run_id = ?")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                OffsetDateTime first = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                return first == null || first.toInstant().isAfter(to) ? new TimeRange(to, to) : new TimeRange(first.toInstant(), to);
            }
        }
    }

    /** The forecasts of a run for one station whose origins lie in a range, ordered by origin and step. */
    public List<StoredForecast> forecasts(Connection c, long runId, int stationId, TimeRange origins) throws SQLException {
        return forecasts(c, runId, stationId, origins, calibration(c, runId));
    }

    /** {@link #forecasts} with the run's calibration already read, for a caller reading many stations of one run. */
    List<StoredForecast> forecasts(Connection c, long runId, int stationId, TimeRange origins, List<ConformalIntervals> calibration)
            throws SQLException {
        List<StoredForecast> values = new ArrayList<>();
        Optional<OriginRows.Layout> layout = originRows.layout(c, runId);
        if (layout.isPresent()) {
            SortedMap<Instant, float[]> issued = originRows.halfWidths(c, runId, origins);
            for (Map.Entry<Instant, float[]> e : originRows.flows(c, runId, layout.get(), stationId, origins).entrySet()) {
                float[] widths = issued.get(e.getKey());
                List<ConformalIntervals> bands = widths == null ? calibration : issuedBands(widths, e.getValue().length);
                addSteps(values, stationId, e.getKey(), e.getValue(), boundsFrom(bands, e.getValue()));
            }
            return values;
        }
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
                    if (bounds[0] == null && !calibration.isEmpty()) {
                        bounds = boundsFrom(calibration, flow);
                    }
                    addSteps(values, stationId, origin, flow, bounds);
                }
            }
        }
        return values;
    }

    /** The 80% and 95% half-widths an origin of a live run was issued with, packed level by level, each its steps. */
    static List<ConformalIntervals> issuedBands(float[] widths, int steps) {
        List<ConformalIntervals> bands = new ArrayList<>();
        for (int l = 0; l < ConformalIntervals.LEVELS.length && (l + 1) * steps <= widths.length; l++) {
            double[] w = new double[steps];
            for (int h = 0; h < steps; h++) {
                w[h] = widths[l * steps + h];
            }
            bands.add(new ConformalIntervals(ConformalIntervals.LEVELS[l], w));
        }
        return bands;
    }

    private static void addSteps(List<StoredForecast> values, int stationId, Instant origin, float[] flow, float[][] bounds) {
        for (int h = 1; h <= flow.length; h++) {
            values.add(new StoredForecast(stationId, origin, h, flow[h - 1], at(bounds[0], h), at(bounds[1], h), at(bounds[2], h),
                    at(bounds[3], h)));
        }
    }

    /** Lower and upper bounds at 80% and at 95%, as the calibration makes them around the forecast. */
    static float[][] boundsFrom(List<ConformalIntervals> calibration, float[] flow) {
        float[][] bounds = new float[4][];
        for (ConformalIntervals band : calibration) {
            int k = Math.abs(band.level() - 0.8) < 1e-9 ? 0 : Math.abs(band.level() - 0.95) < 1e-9 ? 2 : -1;
            if (k < 0 || band.halfWidth().length < flow.length) {
                continue;
            }
            bounds[k] = new float[flow.length];
            bounds[k + 1] = new float[flow.length];
            for (int h = 1; h <= flow.length; h++) {
                bounds[k][h - 1] = band.lower(flow[h - 1], h);
                bounds[k + 1][h - 1] = band.upper(flow[h - 1], h);
            }
        }
        return bounds;
    }

    /** The additive parts of a run's forecast for one station from one origin; empty where the run has none. */
    public List<StoredPart> parts(Connection c, long runId, int stationId, Instant origin) throws SQLException {
        String names;
        try (PreparedStatement select = c.prepareStatement("SELECT part_names FROM forecast_run WHERE id = ?")) {
            select.setLong(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return List.of();
                }
                names = rs.getString(1);
            }
        }
        String[] split = names.split("\\|");
        Optional<OriginRows.Layout> layout = originRows.layout(c, runId);
        if (layout.isPresent()) {
            List<float[]> values = originRows.parts(c, runId, layout.get(), stationId, origin, split.length);
            List<StoredPart> parts = new ArrayList<>();
            for (int p = 0; p < values.size(); p++) {
                parts.add(new StoredPart(split[p], values.get(p)));
            }
            return parts;
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT parts FROM forecast WHERE run_id = ? AND origin_ts = ? AND station_id = ?")) {
            select.setLong(1, runId);
            select.setObject(2, utc(origin));
            select.setInt(3, stationId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getBytes(1) == null) {
                    return List.of();
                }
                float[] packed = PackedArrays.readFloats(rs.getBytes(1));
                int steps = packed.length / split.length;
                List<StoredPart> parts = new ArrayList<>();
                for (int p = 0; p < split.length; p++) {
                    parts.add(new StoredPart(split[p], Arrays.copyOfRange(packed, p * steps, (p + 1) * steps)));
                }
                return parts;
            }
        }
    }

    private static float at(float[] values, int step) {
        return values == null ? Float.NaN : values[step - 1];
    }

    /**
     * Attention weights of a run for one station at every origin in a range, by origin in time order; the
     * station's own row where the model gives one per station, else the window's.
     */
    public SortedMap<Instant, float[]> attention(Connection c, long runId, int stationId, TimeRange origins) throws SQLException {
        Optional<OriginRows.Layout> layout = originRows.layout(c, runId);
        if (layout.isPresent()) {
            return originRows.attention(c, runId, layout.get(), stationId, origins);
        }
        SortedMap<Instant, float[]> rows = new TreeMap<>();
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
