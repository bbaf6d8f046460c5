package org.flowcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AdaptiveIntervalsTest {
    private static final int STATIONS = 4;
    // 80%: ±10 at step 1, ±20 at step 2; 95%: ±15 and ±30
    private static final List<ConformalIntervals> CALIBRATION = List.of(
            new ConformalIntervals(0.8, new double[] {10, 20}),
            new ConformalIntervals(0.95, new double[] {15, 30}));
    // γ = 0.01, windows of 5 origins (20 scores), used from 2 origins (8 scores)
    private static final AdaptiveIntervalSettings SETTINGS = new AdaptiveIntervalSettings(0.01, 5, 2);
    private static final float[] FORECAST = {100, 100, 100, 100};

    @ParameterizedTest(name = "observed {0}: α80 {1}, α95 {2}")
    @CsvSource({
        // every station inside both intervals: err 0, α rises by γα
        "105 95 100 109,   0.202,  0.0505",
        // on the bound is inside (closed intervals)
        "110 90 100 100,   0.202,  0.0505",
        // one of four outside ±10 and ±15: err 0.25
        "120 100 100 100,  0.1995, 0.048",
        // two of four outside ±10, inside ±15
        "112 88 100 100,   0.197,  0.0505",
        // every station outside both: err 1, α falls by γ(1 − α)
        "130 70 130 70,    0.192,  0.0405",
        // missing and zero flows are left out: one counted, outside both
        "120 NaN NaN 0,    0.192,  0.0405",
        // nothing counted: no update
        "NaN NaN 0 0,      0.2,    0.05",
    })
    void alphaRisesWithTheShareCoveredAndFallsWithTheShareMissed(String observed, double alpha80, double alpha95) {
        AdaptiveIntervals state = AdaptiveIntervals.start(CALIBRATION, STATIONS, SETTINGS);
        state.observe(1, FORECAST, flows(observed), CALIBRATION);
        assertThat(state.alpha(0.8, 1)).isCloseTo(alpha80, within(1e-12));
        assertThat(state.alpha(0.95, 1)).isCloseTo(alpha95, within(1e-12));
        assertThat(state.alpha(0.8, 2)).isEqualTo(0.2, within(1e-15));
    }

    @ParameterizedTest(name = "step {0}, {1}: α80 stops at {2}")
    @CsvSource({
        // α is kept within [−hγ, 1 + hγ], here with γ = 0.1
        "1, missed,  -0.1",
        "2, missed,  -0.2",
        "1, covered,  1.1",
        "2, covered,  1.2",
    })
    void alphaIsClampedToTheRangeTheDelayedUpdateKeepsItIn(int step, String outcome, double limit) {
        AdaptiveIntervals state = AdaptiveIntervals.start(CALIBRATION, STATIONS, new AdaptiveIntervalSettings(0.1, 5, 2));
        float[] observed = outcome.equals("missed") ? new float[] {300, 300, 300, 300} : FORECAST;
        for (int origin = 0; origin < 200; origin++) {
            state.observe(step, FORECAST, observed, CALIBRATION);
        }
        assertThat(state.alpha(0.8, step)).isCloseTo(limit, within(1e-12));
    }

    @ParameterizedTest(name = "α80 = {0}: half-width {1}")
    @CsvSource({
        // 20 scores 1..20: the ⌈(1 − α)·20⌉-th smallest
        "0.2,    16",
        "0.05,   19",
        "0.5,    10",
        // α ≤ 0: the window's largest score (the cap of the whole line); α ≥ 1: the point forecast
        "0.0,    20",
        "-0.01,  20",
        "1.0,    0",
        "1.01,   0",
    })
    void halfWidthIsTheWindowQuantileAtOneMinusAlpha(double alpha80, double halfWidth) {
        float[] scores = new float[20];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = 20 - i;
        }
        AdaptiveIntervals state = new AdaptiveIntervals(CALIBRATION, STATIONS, SETTINGS,
                new double[][] {{alpha80, 0.2}, {0.05, 0.05}},
                new ScoreWindow[] {ScoreWindow.of(20, scores), new ScoreWindow(20)});
        assertThat(state.current().get(0).halfWidth()[0]).isEqualTo(halfWidth);
    }

    @Test
    void calibrationHalfWidthsHoldUntilTheWindowIsFullEnoughWhileAlphaMovesFromTheStart() {
        AdaptiveIntervals state = AdaptiveIntervals.start(CALIBRATION, STATIONS, SETTINGS);
        state.observe(1, FORECAST, new float[] {101, 102, 103, 150}, CALIBRATION);
        assertThat(state.adapted(1)).isFalse();
        assertThat(state.alpha(0.8, 1)).isCloseTo(0.2 + 0.01 * (0.2 - 0.25), within(1e-12));
        assertThat(state.current().get(0).halfWidth()).containsExactly(10, 20);
        assertThat(state.current().get(1).halfWidth()).containsExactly(15, 30);

        state.observe(1, FORECAST, new float[] {104, 105, 106, 107}, CALIBRATION);
        assertThat(state.adapted(1)).isTrue();
        assertThat(state.scoreCount(1)).isEqualTo(8);
        // scores 1..7 and 50; α80 = 0.1995 + 0.002 = 0.2015, ⌈0.7985·8⌉ = 7th; α95 = 0.048 + 0.0005, ⌈0.9515·8⌉ = 8th
        assertThat(state.current().get(0).halfWidth()).containsExactly(7, 20);
        assertThat(state.current().get(1).halfWidth()).containsExactly(50, 30);
    }

    @Test
    void scoresTheIntervalThatWasIssuedNotTheOneInForceNow() {
        AdaptiveIntervals state = AdaptiveIntervals.start(CALIBRATION, STATIONS, SETTINGS);
        List<ConformalIntervals> wideWhenIssued = List.of(
                new ConformalIntervals(0.8, new double[] {40, 40}), new ConformalIntervals(0.95, new double[] {40, 40}));
        state.observe(1, FORECAST, new float[] {130, 130, 130, 130}, wideWhenIssued);
        assertThat(state.alpha(0.8, 1)).isCloseTo(0.202, within(1e-12));
        assertThat(state.alpha(0.95, 1)).isCloseTo(0.0505, within(1e-12));
    }

    @Test
    void aForecastWithItsIntervalsIsScoredAsItsHalfWidthsAre() {
        AdaptiveIntervals byForecast = AdaptiveIntervals.start(CALIBRATION, STATIONS, SETTINGS);
        AdaptiveIntervals byHalfWidths = AdaptiveIntervals.start(CALIBRATION, STATIONS, SETTINGS);
        Random random = new Random(3);
        for (int origin = 0; origin < 30; origin++) {
            float[][] values = {flows(random, 100, 5), flows(random, 100, 5)};
            List<ConformalIntervals> issued = byHalfWidths.current();
            Forecast forecast = ConformalIntervals.around(
                    new Forecast("m", Instant.EPOCH, SensorSeries.FIVE_MINUTES, List.of(1, 2, 3, 4), values), issued);
            for (int step = 1; step <= 2; step++) {
                float[] observed = flows(random, 100, 25);
                byForecast.observe(forecast, step, observed);
                byHalfWidths.observe(step, values[step - 1], observed, issued);
            }
        }
        assertThat(byForecast.toBytes()).isEqualTo(byHalfWidths.toBytes());
    }

    @Test
    void theSameObservationsGiveBitIdenticalState() {
        assertThat(fed(new Random(11), 60).toBytes()).isEqualTo(fed(new Random(11), 60).toBytes());
    }

    @Test
    void roundTripThroughBytesKeepsTheStateAndItsBehaviour() {
        // 60 origins overflow the 5-origin windows many times over, so the rings have wrapped
        AdaptiveIntervals original = fed(new Random(5), 60);
        byte[] blob = original.toBytes();
        AdaptiveIntervals restored = AdaptiveIntervals.fromBytes(blob);
        assertThat(restored.toBytes()).isEqualTo(blob);
        assertThat(restored.settings()).isEqualTo(SETTINGS);
        assertThat(restored.calibration()).usingRecursiveComparison().isEqualTo(CALIBRATION);
        assertSameIntervals(restored, original);

        Random more = new Random(6);
        Random same = new Random(6);
        feed(original, more, 25);
        feed(restored, same, 25);
        assertThat(restored.toBytes()).isEqualTo(original.toBytes());
        assertSameIntervals(restored, original);
    }

    static Stream<Arguments> damagedBlobs() {
        return Stream.of(
                Arguments.of("one byte flipped", (UnaryOperator<byte[]>) b -> flip(b, b.length / 2), "checksum does not match"),
                Arguments.of("its end cut off", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length - 9), "checksum"),
                Arguments.of("a few bytes", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, 10), "truncated"),
                Arguments.of("empty", (UnaryOperator<byte[]>) b -> new byte[0], "truncated"),
                Arguments.of("another magic", (UnaryOperator<byte[]>) b -> flip(b, 0), "does not begin with FACI"),
                Arguments.of("a newer version", (UnaryOperator<byte[]>) b -> putInt(b, 4, 2), "version 2"),
                // a blob whose checksum matches but whose values no update makes
                Arguments.of("α out of its range", (UnaryOperator<byte[]>) b -> withCrc(putDouble(b, 60, 7.5)), "outside its range"),
                Arguments.of("no stations", (UnaryOperator<byte[]>) b -> withCrc(putInt(b, 8, 0)), "at least one station"),
                Arguments.of("a window over its capacity", (UnaryOperator<byte[]>) b -> withCrc(putInt(b, 36 + 2 * 40, 21)),
                        "does not fit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedBlobs")
    void aDamagedBlobIsRefusedSayingWhy(String what, UnaryOperator<byte[]> damage, String message) {
        byte[] blob = damage.apply(fed(new Random(8), 12).toBytes());
        assertThatThrownBy(() -> AdaptiveIntervals.fromBytes(blob))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("adaptive-interval state refused: ")
                .hasMessageContaining(message);
    }

    @Test
    void refusesObservationsThatDoNotFitTheState() {
        AdaptiveIntervals state = AdaptiveIntervals.start(CALIBRATION, STATIONS, SETTINGS);
        assertThatThrownBy(() -> state.observe(3, FORECAST, FORECAST, CALIBRATION)).hasMessageContaining("outside 1..2");
        assertThatThrownBy(() -> state.observe(1, FORECAST, new float[3], CALIBRATION)).hasMessageContaining("3 stations");
        assertThatThrownBy(() -> state.observe(1, FORECAST, FORECAST, CALIBRATION.subList(0, 1)))
                .hasMessageContaining("95%");
        Forecast only80 = ConformalIntervals.around(new Forecast("m", Instant.EPOCH, SensorSeries.FIVE_MINUTES,
                List.of(1, 2, 3, 4), new float[][] {FORECAST, FORECAST}), CALIBRATION.subList(0, 1));
        assertThatThrownBy(() -> state.observe(only80, 1, FORECAST)).hasMessageContaining("no 95% interval");
        assertThat(state.scoreCount(1)).isZero();
    }

    @Test
    void startsFromTheNominalMiscoverageWithTheDefaultSettings() {
        AdaptiveIntervals state = AdaptiveIntervals.start(CALIBRATION, STATIONS);
        assertThat(state.settings()).isEqualTo(new AdaptiveIntervalSettings(0.005, 2016, 288));
        assertThat(state.alpha(0.8, 2)).isEqualTo(1 - 0.8);
        assertThat(state.alpha(0.95, 1)).isEqualTo(1 - 0.95);
        assertThat(state.horizonSteps()).isEqualTo(2);
        assertThatThrownBy(() -> AdaptiveIntervals.start(List.of(), STATIONS)).hasMessageContaining("calibration");
        assertThatThrownBy(() -> new AdaptiveIntervalSettings(0.005, 10, 11)).hasMessageContaining("minimum");
    }

    private static AdaptiveIntervals fed(Random random, int origins) {
        AdaptiveIntervals state = AdaptiveIntervals.start(CALIBRATION, STATIONS, SETTINGS);
        feed(state, random, origins);
        return state;
    }

    /** Origins whose errors double halfway, with a missing value now and then, scored at both steps. */
    private static void feed(AdaptiveIntervals state, Random random, int origins) {
        for (int origin = 0; origin < origins; origin++) {
            List<ConformalIntervals> issued = state.current();
            for (int step = 1; step <= 2; step++) {
                float[] observed = flows(random, 100, origin < origins / 2 ? 10 : 20);
                if (random.nextInt(5) == 0) {
                    observed[random.nextInt(STATIONS)] = Float.NaN;
                }
                state.observe(step, FORECAST, observed, issued);
            }
        }
    }

    private static void assertSameIntervals(AdaptiveIntervals actual, AdaptiveIntervals expected) {
        for (int l = 0; l < CALIBRATION.size(); l++) {
            assertThat(actual.current().get(l).level()).isEqualTo(expected.current().get(l).level());
            assertThat(actual.current().get(l).halfWidth()).containsExactly(expected.current().get(l).halfWidth());
        }
    }

    private static float[] flows(String observed) {
        String[] parts = observed.trim().split("\\s+");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Float.parseFloat(parts[i]);
        }
        return values;
    }

    private static float[] flows(Random random, double mean, double sd) {
        float[] values = new float[STATIONS];
        for (int s = 0; s < STATIONS; s++) {
            values[s] = (float) Math.max(1, Math.round(mean + sd * random.nextGaussian()));
        }
        return values;
    }

    private static byte[] flip(byte[] blob, int at) {
        byte[] copy = blob.clone();
        copy[at] ^= 0x5A;
        return copy;
    }

    private static byte[] putInt(byte[] blob, int at, int value) {
        byte[] copy = blob.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return copy;
    }

    private static byte[] putDouble(byte[] blob, int at, double value) {
        byte[] copy = blob.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putDouble(at, value);
        return copy;
    }

    /** The blob with its checksum made to match again, so that what it holds is checked. */
    private static byte[] withCrc(byte[] blob) {
        CRC32 crc = new CRC32();
        crc.update(blob, 0, blob.length - 4);
        return putInt(blob, blob.length - 4, (int) crc.getValue());
    }
}
