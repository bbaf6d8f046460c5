package org.flowcast.store;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.assertj.core.api.Assertions;
import org.assertj.core.groups.Tuple;
import org.flowcast.core.AttentionWeights;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastPart;
import org.flowcast.core.InputShares;
import org.flowcast.core.PredictionInterval;
import org.flowcast.core.TimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forecast runs written and read back through a real H2 database. */
class ForecastStoreTest {
    private static final Instant T0 = Instant.parse("2023-03-01T08:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(5);

    private static final InputShares SHARES = new InputShares(0.75, 0.125, 0.125);

    @TempDir
    Path dir;

    private static Forecast forecast(Instant origin, float level, float[] attention) {
        float[][] values = {{level, level + 1}, {level + 2, level + 3}};
        return new Forecast("m", origin, STEP, List.of(11, 12), values, List.of(),
                attention == null ? Optional.empty() : Optional.of(AttentionWeights.forWindow(attention)));
    }

    @Test
    void readsBackValuesAndAttentionOfEachOriginInARange() throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"));
             Connection c = db.connect()) {
            ForecastStore store = new ForecastStore();
            long run = store.beginRun(c, "k", "m", "m.fcm", 2, new TimeRange(T0, T0.plus(STEP.multipliedBy(3))), 2, SHARES);
            store.add(c, run, List.of(forecast(T0, 10, new float[] {0.25f, 0.75f}),
                    forecast(T0.plus(STEP), 20, new float[] {0.5f, 0.5f}),
                    forecast(T0.plus(STEP.multipliedBy(2)), 30, new float[] {1f, 0f})));

            List<StoredForecast> values = store.forecasts(c, run, 12, new TimeRange(T0.plus(STEP), T0.plus(STEP.multipliedBy(2))));
            assertThat(values).extracting(StoredForecast::step, StoredForecast::value)
                    .containsExactly(Tuple.tuple(1, 21f), Tuple.tuple(2, 23f));
            assertThat(values.get(0).lower80()).isNaN();

            SortedMap<Instant, float[]> attention = store.attention(c, run, 12, new TimeRange(T0.plus(STEP),
                    T0.plus(STEP.multipliedBy(3))));
            assertThat(attention.keySet()).containsExactly(T0.plus(STEP), T0.plus(STEP.multipliedBy(2)));
            assertThat(attention.get(T0.plus(STEP))).containsExactly(0.5f, 0.5f);
            assertThat(store.runs(c)).singleElement().extracting(ForecastRun::origins).isEqualTo(3);
            assertThat(store.runs(c).get(0).input()).isEqualTo(SHARES);
        }
    }

    @Test
    void aRunIsOneRowPerOriginWhichItsReplacementDeletesAndEachStationReadsItsOwnAttentionRow() throws Exception {
        AttentionWeights perStation = new AttentionWeights(true, List.of(11, 12), new float[][] {{0.9f, 0.1f}, {0.2f, 0.8f}});
        Forecast first = new Forecast("m", T0, STEP, List.of(11, 12), new float[][] {{1, 2}, {3, 4}}, List.of(), Optional.of(perStation));
        Forecast second = new Forecast("m", T0.plus(STEP), STEP, List.of(11, 12), new float[][] {{5, 6}, {7, 8}}, List.of(),
                Optional.of(perStation));
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"));
             Connection c = db.connect()) {
            ForecastStore store = new ForecastStore();
            TimeRange range = new TimeRange(T0, T0.plus(STEP.multipliedBy(2)));
            long run = store.beginRun(c, "k", "m", "m.fcm", 2, range, 2, SHARES);
            store.add(c, run, List.of(first, second));
            assertThat(count(c, "forecast_origin")).isEqualTo(2);
            assertThat(count(c, "forecast") + count(c, "attention")).as("no row per station").isZero();
            assertThat(store.forecasts(c, run, 12, range)).extracting(StoredForecast::value).containsExactly(2f, 4f, 6f, 8f);
            assertThat(store.attention(c, run, 12, range).get(T0)).containsExactly(0.2f, 0.8f);
            assertThat(store.attention(c, run, 11, range).get(T0)).containsExactly(0.9f, 0.1f);
            assertThat(store.forecasts(c, run, 99, range)).as("a station the run does not hold").isEmpty();

            long again = store.beginRun(c, "k", "m", "m.fcm", 2, range, 2, SHARES);
            store.add(c, again, List.of(first));
            assertThat(count(c, "forecast_origin")).as("the replaced run's rows are gone").isEqualTo(1);
        }
    }

    private static int count(Connection c, String table) throws SQLException {
        try (var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void aCalibratedRunStoresItsHalfWidthsOnceAndGivesBackTheBoundsTheCalibrationMade() throws Exception {
        List<ConformalIntervals> calibration = List.of(new ConformalIntervals(0.8, new double[] {3.25, 4.5}),
                new ConformalIntervals(0.95, new double[] {12.125, 15}));
        Forecast calibrated = ConformalIntervals.around(forecast(T0, 10, null), calibration);
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"));
             Connection c = db.connect()) {
            ForecastStore store = new ForecastStore();
            long run = store.beginRun(c, "k", "m", "m.fcm", 2, new TimeRange(T0, T0.plus(STEP)), 2, SHARES, calibration);
            store.add(c, run, List.of(calibrated), calibration);

            assertThat(store.calibration(c, run)).usingRecursiveFieldByFieldElementComparator().isEqualTo(calibration);
            try (var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM forecast WHERE lower80 IS NOT NULL")) {
                rows.next();
                assertThat(rows.getInt(1)).as("no bounds on the rows").isZero();
            }
            List<StoredForecast> values = store.forecasts(c, run, 11, new TimeRange(T0, T0.plus(STEP)));
            for (StoredForecast v : values) {
                int h = v.step();
                // exactly what the calibration gave the forecast, floored at zero flow
                assertThat(v.lower80()).isEqualTo(calibrated.interval(0.8).orElseThrow().lower(h, 0));
                assertThat(v.upper80()).isEqualTo(calibrated.interval(0.8).orElseThrow().upper(h, 0));
                assertThat(v.lower95()).isEqualTo(calibrated.interval(0.95).orElseThrow().lower(h, 0));
                assertThat(v.upper95()).isEqualTo(calibrated.interval(0.95).orElseThrow().upper(h, 0));
            }
            assertThat(values.get(0).lower95()).as("10 - 12.125 floored").isZero();
        }
    }

    @Test
    void aForecastWhoseIntervalsAreNotTheRunsCalibrationIsRefused() throws Exception {
        List<ConformalIntervals> calibration = List.of(new ConformalIntervals(0.8, new double[] {3, 4}));
        Forecast other = ConformalIntervals.around(forecast(T0, 10, null), List.of(new ConformalIntervals(0.8, new double[] {3, 5})));
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"));
             Connection c = db.connect()) {
            ForecastStore store = new ForecastStore();
            long run = store.beginRun(c, "k", "m", "m.fcm", 2, new TimeRange(T0, T0.plus(STEP)), 2, SHARES, calibration);
            Assertions.assertThatThrownBy(() -> store.add(c, run, List.of(other), calibration))
                    .hasMessageContaining("not the run's calibration");
        }
    }

    @Test
    void keepsTheNamedPartsOfEachForecastInOrder() throws Exception {
        Forecast withParts = forecast(T0, 10, null).withParts(List.of(
                new ForecastPart("recurrent head", new float[][] {{7, 8}, {9, 10}}),
                new ForecastPart("seasonal skip", new float[][] {{3, 3}, {3, 3}})));
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"));
             Connection c = db.connect()) {
            ForecastStore store = new ForecastStore();
            long run = store.beginRun(c, "k", "m", "m.fcm", 2, new TimeRange(T0, T0.plus(STEP)), 2, SHARES);
            store.add(c, run, List.of(withParts, forecast(T0.plus(STEP), 20, null)));

            List<StoredPart> parts = store.parts(c, run, 12, T0);
            assertThat(parts).extracting(StoredPart::name).containsExactly("recurrent head", "seasonal skip");
            assertThat(parts.get(0).values()).containsExactly(8f, 10f);
            assertThat(parts.get(1).values()).containsExactly(3f, 3f);
            assertThat(store.parts(c, run, 12, T0.plus(STEP))).as("a forecast without parts").isEmpty();
        }
    }

    @Test
    void keepsBothIntervalBoundsOfEveryStepAndStation() throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"));
             Connection c = db.connect()) {
            ForecastStore store = new ForecastStore();
            TimeRange range = new TimeRange(T0, T0.plus(STEP));
            long run = store.beginRun(c, "k", "m", "m.fcm", 2, range, 2, SHARES);
            Forecast plain = forecast(T0, 10, null);
            PredictionInterval i80 = new PredictionInterval(0.8, new float[][] {{1, 2}, {3, 4}}, new float[][] {{11, 12}, {13, 14}});
            PredictionInterval i95 = new PredictionInterval(0.95, new float[][] {{0, 1}, {2, 3}}, new float[][] {{21, 22}, {23, 24}});
            store.add(c, run, List.of(plain.withIntervals(List.of(i80, i95))));

            List<StoredForecast> station12 = store.forecasts(c, run, 12, range);
            assertThat(station12).extracting(StoredForecast::lower80).containsExactly(2f, 4f);
            assertThat(station12).extracting(StoredForecast::upper80).containsExactly(12f, 14f);
            assertThat(station12).extracting(StoredForecast::lower95).containsExactly(1f, 3f);
            assertThat(station12).extracting(StoredForecast::upper95).containsExactly(22f, 24f);
        }
    }

    @Test
    void rerunWithTheSameKeyReplacesTheEarlierRun() throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"));
             Connection c = db.connect()) {
            ForecastStore store = new ForecastStore();
            TimeRange range = new TimeRange(T0, T0.plus(STEP));
            long first = store.beginRun(c, "k", "m", "m.fcm", 2, range, 2, SHARES);
            store.add(c, first, List.of(forecast(T0, 10, null)));
            long second = store.beginRun(c, "k", "m", "m.fcm", 2, range, 2, SHARES);
            store.add(c, second, List.of(forecast(T0, 50, null)));

            assertThat(store.runs(c)).extracting(ForecastRun::id).containsExactly(second);
            assertThat(store.forecasts(c, second, 11, range)).extracting(StoredForecast::value).containsExactly(50f, 52f);
            assertThat(store.attention(c, second, 11, range)).isEmpty();
        }
    }
}
