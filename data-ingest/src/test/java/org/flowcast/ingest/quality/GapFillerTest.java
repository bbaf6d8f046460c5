package org.flowcast.ingest.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flowcast.core.Channel;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.ValueState;
import org.junit.jupiter.api.Test;

class GapFillerTest {
    // Monday 2022-01-03 00:00 Pacific.
    private static final Instant MONDAY = Instant.parse("2022-01-03T08:00:00Z");

    /** Two weekdays of a flow that is 100 + slot of the day, except where {@code missing} says. */
    private static SensorSeries twoDays(int... missing) {
        SensorSeries.Builder b = SensorSeries.builder(MONDAY, SensorSeries.FIVE_MINUTES, 576, List.of(Station.unknown(1)));
        for (int t = 0; t < 576; t++) {
            b.set(t, 0, Channel.FLOW, 100 + t % 288, ValueState.OBSERVED);
        }
        for (int t : missing) {
            b.set(t, 0, Channel.FLOW, Float.NaN, ValueState.MISSING);
        }
        return b.build();
    }

    @Test
    void shortGapIsInterpolatedLinearly() {
        SensorSeries series = SensorSeries.builder(MONDAY, SensorSeries.FIVE_MINUTES, 5, List.of(Station.unknown(1)))
                .set(0, 0, Channel.FLOW, 10, ValueState.OBSERVED)
                .set(4, 0, Channel.FLOW, 30, ValueState.OBSERVED).build();
        GapFiller.Result result = new GapFiller(Duration.ofMinutes(15)).fill(series);
        assertThat(result.series().column(0, Channel.FLOW)).containsExactly(10, 15, 20, 25, 30);
        assertThat(result.series().state(2, 0, Channel.FLOW)).isEqualTo(ValueState.IMPUTED);
        assertThat(result.series().state(0, 0, Channel.FLOW)).isEqualTo(ValueState.OBSERVED);
        assertThat(result.interpolated()).isEqualTo(3);
    }

    @Test
    void longGapTakesTheSameSlotsHistoricalProfile() {
        int[] gap = new int[20];
        for (int i = 0; i < gap.length; i++) {
            gap[i] = 300 + i; // Tuesday, slots 12..31: longer than 30 minutes
        }
        GapFiller.Result result = new GapFiller(GapFiller.DEFAULT_MAX_LINEAR_GAP).fill(twoDays(gap));
        assertThat(result.fromProfile()).isEqualTo(20);
        assertThat(result.series().value(305, 0, Channel.FLOW)).isCloseTo(100 + 17, within(1e-4f));
        assertThat(result.series().state(305, 0, Channel.FLOW)).isEqualTo(ValueState.IMPUTED);
    }

    @Test
    void gapWithNoProfileStaysMissing() {
        GapFiller.Result result = new GapFiller(GapFiller.DEFAULT_MAX_LINEAR_GAP).fill(twoDays(0));
        // occupancy and speed were never observed: nothing to fill them from
        assertThat(result.series().state(0, 0, Channel.OCCUPANCY)).isEqualTo(ValueState.MISSING);
        assertThat(result.series().value(0, 0, Channel.FLOW)).isEqualTo(100f); // Tuesday's slot 0
        assertThat(result.leftMissing()).isEqualTo(2 * 576);
    }

    @Test
    void doesNotChangeTheSeriesItIsGiven() {
        SensorSeries series = twoDays(5, 6);
        new GapFiller(GapFiller.DEFAULT_MAX_LINEAR_GAP).fill(series);
        assertThat(series.value(5, 0, Channel.FLOW)).isNaN();
    }
}
