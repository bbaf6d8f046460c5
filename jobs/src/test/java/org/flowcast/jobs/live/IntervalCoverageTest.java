package org.flowcast.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.flowcast.core.Channel;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.store.StoredOrigin;
import org.junit.jupiter.api.Test;

/**
 * The shift bench's recomputation of fixed against issued (adaptive) intervals on a hand-made case: two stations, a
 * horizon of two steps, four origins, every count and width worked out by hand below.
 */
class IntervalCoverageTest {
    private static final Instant T0 = Instant.parse("2023-03-06T08:00:00Z");
    /** The calibration: 80% half-widths 8 and 25 at steps 1 and 2, 95% ones 35 and 60. */
    private static final List<ConformalIntervals> FIXED = List.of(new ConformalIntervals(0.8, new double[] {8, 25}),
            new ConformalIntervals(0.95, new double[] {35, 60}));

    private static Instant at(int step) {
        return T0.plusSeconds(300L * step);
    }

    /**
     * Six steps: station 0 observes 100 throughout; station 1 observes 40 but at step 2 (missing: not counted) and step 3
     * (a flow of 0: not counted, as in every evaluation).
     */
    private static SensorSeries flows() {
        SensorSeries.Builder series = SensorSeries.builder(T0, SensorSeries.FIVE_MINUTES, 6,
                List.of(Station.unknown(1), Station.unknown(2)));
        for (int t = 0; t < 6; t++) {
            series.set(t, 0, Channel.FLOW, 100, ValueState.OBSERVED);
            series.set(t, 1, Channel.FLOW, t == 3 ? 0 : 40, t == 2 ? ValueState.MISSING : ValueState.OBSERVED);
        }
        return series.build();
    }

    /** A stored origin: station 0's two steps, station 1's, then the issued 80% half-widths per step and the 95% ones. */
    private static StoredOrigin origin(int step, float[] flows, float[] issued) {
        return new StoredOrigin(at(step), flows, issued);
    }

    private static SortedMap<Instant, StoredOrigin> origins() {
        SortedMap<Instant, StoredOrigin> origins = new TreeMap<>();
        origins.put(at(0), origin(0, new float[] {95, 130, 4, 40}, new float[] {10, 20, 20, 40}));
        origins.put(at(1), origin(1, new float[] {101.5f, 100, 40, 40}, new float[] {1, 1, 2, 2}));
        origins.put(at(3), origin(3, new float[] {70, 100, 45, 30}, new float[] {5, 5, 50, 50}));
        // its second step's target, step 6, lies past both periods and the flows
        origins.put(at(4), origin(4, new float[] {100, 100, 40, 40}, new float[] {0.5f, 0.5f, 0.5f, 0.5f}));
        return origins;
    }

    private static Map<String, TimeRange> periods() {
        Map<String, TimeRange> periods = new LinkedHashMap<>();
        periods.put("before", new TimeRange(at(1), at(3)));
        periods.put("after", new TimeRange(at(3), at(6)));
        return periods;
    }

    @Test
    void theFixedAndTheIssuedIntervalsAreCountedAroundTheSameForecastsByTheirTargetsPeriod() {
        Map<String, IntervalCoverage.Compared> measured = IntervalCoverage.measure(origins(), flows(), 2, FIXED, periods());

        // before (targets at steps 1 and 2): origin 0 step 1 at both stations (y 100 and 40), origin 0 step 2 and origin 1
        // step 1 at station 0 only. Fixed: 95 ± 8 holds 100, 4 ± 8 (from 0) misses 40, 130 ± 25 misses 100, 101.5 ± 8
        // holds it; at 95%: 4 ± 35 (0 to 39) misses 40, the others hold. Widths 16 + 12 + 50 + 16 and 70 + 39 + 120 + 70.
        // Issued: 95 ± 10 holds, 4 ± 10 misses, 130 ± 20 misses, 101.5 ± 1 misses 100 (from 100.5); at 95% 4 ± 20 misses.
        assertThat(measured.get("before").fixed()).isEqualTo(new IntervalCoverage.Tally(4, 2, 3, 94, 299));
        assertThat(measured.get("before").issued()).isEqualTo(new IntervalCoverage.Tally(4, 1, 3, 76, 148));

        // after (targets at steps 3 to 5): origin 1 step 2 at station 0 (station 1 saw 0), origin 3 steps 1 and 2 and
        // origin 4 step 1 at both. Fixed: only 70 ± 8 misses 100; at 95% all hold; 30 ± 60 is 0 to 90, 90 wide.
        // Issued: 70 ± 5 and 30 ± 5 miss at 80%; at 95% 45 ± 50 and 30 ± 50 are floored at 0 (95 and 80 wide).
        assertThat(measured.get("after").fixed()).isEqualTo(new IntervalCoverage.Tally(7, 6, 7, 214, 610));
        assertThat(measured.get("after").issued()).isEqualTo(new IntervalCoverage.Tally(7, 5, 7, 44, 381));
        assertThat(measured.get("after").fixed().coverage80()).isEqualTo(6 / 7.0);
        assertThat(measured.get("after").issued().meanWidth95()).isEqualTo(381 / 7.0);
    }

    @Test
    void aPeriodWithoutScoredValuesHasNoCoverage() {
        Map<String, TimeRange> later = Map.of("later", new TimeRange(at(10), at(20)));
        IntervalCoverage.Tally none = IntervalCoverage.measure(origins(), flows(), 2, FIXED, later).get("later").fixed();

        assertThat(none).isEqualTo(IntervalCoverage.Tally.EMPTY);
        assertThat(none.coverage80()).isNaN();
        assertThat(none.meanWidth95()).isNaN();
    }

    @Test
    void fixedIntervalsNeedBothLevelsOfTheCalibration() {
        assertThatThrownBy(() -> IntervalCoverage.measure(origins(), flows(), 2, FIXED.subList(0, 1), periods()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("80% and 95% calibration");
    }

    @Test
    void theTimelineCountsDaysFromPacificMidnightsAcrossTheSpringForward() {
        // the default bench: 5 weeks from Monday 6 February 2023, shifted from day 29, two days before it replayed
        ShiftTimeline timeline = ShiftTimeline.ofDays(LocalDate.of(2023, 2, 6), 29, 2, 1, 35);

        assertThat(timeline.replayStart()).isEqualTo(Instant.parse("2023-03-04T08:00:00Z"));
        assertThat(timeline.shift()).isEqualTo(Instant.parse("2023-03-06T08:00:00Z"));
        assertThat(timeline.update()).isEqualTo(Instant.parse("2023-03-07T08:00:00Z"));
        // Sunday 12 March has 23 hours: the sample ends at midnight PDT
        assertThat(timeline.end()).isEqualTo(Instant.parse("2023-03-13T07:00:00Z"));
        assertThat(timeline.periods()).containsOnlyKeys(ShiftTimeline.BEFORE, ShiftTimeline.TO_UPDATE, ShiftTimeline.AFTER_UPDATE);
        assertThat(timeline.periods().get(ShiftTimeline.TO_UPDATE)).isEqualTo(new TimeRange(timeline.shift(), timeline.update()));
    }
}
