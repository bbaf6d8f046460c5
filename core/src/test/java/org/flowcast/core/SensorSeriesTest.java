package org.flowcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorSeriesTest {
    private static final Instant START = Instant.parse("2022-01-03T08:00:00Z");
    private static final List<Station> STATIONS = List.of(Station.unknown(101), Station.unknown(102), Station.unknown(103));

    private static SensorSeries series() {
        SensorSeries.Builder builder = SensorSeries.builder(START, SensorSeries.FIVE_MINUTES, 6, STATIONS);
        for (int t = 0; t < 6; t++) {
            for (int s = 0; s < 3; s++) {
                builder.set(t, s, Channel.FLOW, 100 * s + t, t == 2 ? ValueState.IMPUTED : ValueState.OBSERVED);
                builder.set(t, s, Channel.SPEED, 60 + t, ValueState.OBSERVED);
            }
        }
        return builder.build();
    }

    @Test
    void theFingerprintIsTheSameForTheSameDataAndChangesWithAnyValueOrState() {
        SensorSeries series = series();
        assertThat(series().fingerprint()).isEqualTo(series.fingerprint()).startsWith("sha256:");
        SensorSeries oneValue = series.toBuilder().set(4, 2, Channel.FLOW, 205f, ValueState.OBSERVED).build();
        SensorSeries oneState = series.toBuilder().set(4, 2, Channel.FLOW, 204f, ValueState.IMPUTED).build();
        assertThat(oneValue.fingerprint()).isNotEqualTo(series.fingerprint());
        assertThat(oneState.fingerprint()).isNotEqualTo(series.fingerprint()).isNotEqualTo(oneValue.fingerprint());
        assertThat(series.sliceTime(1, series.length()).fingerprint()).isNotEqualTo(series.fingerprint());
    }

    @Test
    void unsetValuesAreMissingNaN() {
        SensorSeries series = series();
        assertThat(series.value(0, 0, Channel.OCCUPANCY)).isNaN();
        assertThat(series.state(0, 0, Channel.OCCUPANCY)).isEqualTo(ValueState.MISSING);
    }

    @Test
    void keepsValuesAndStatesPerStationAndChannel() {
        SensorSeries series = series();
        assertThat(series.value(4, 2, Channel.FLOW)).isEqualTo(204f);
        assertThat(series.value(4, 2, Channel.SPEED)).isEqualTo(64f);
        assertThat(series.state(2, 1, Channel.FLOW)).isEqualTo(ValueState.IMPUTED);
        assertThat(series.isObserved(3, 1, Channel.FLOW)).isTrue();
    }

    @Test
    void nanValueIsStoredAsMissingWhateverStateIsGiven() {
        SensorSeries series = SensorSeries.builder(START, SensorSeries.FIVE_MINUTES, 1, STATIONS)
                .set(0, 0, Channel.FLOW, Float.NaN, ValueState.OBSERVED).build();
        assertThat(series.state(0, 0, Channel.FLOW)).isEqualTo(ValueState.MISSING);
    }

    @Test
    void builderChangesDoNotReachABuiltSeries() {
        SensorSeries.Builder builder = SensorSeries.builder(START, SensorSeries.FIVE_MINUTES, 1, STATIONS);
        builder.set(0, 0, Channel.FLOW, 5, ValueState.OBSERVED);
        SensorSeries built = builder.build();
        builder.set(0, 0, Channel.FLOW, 7, ValueState.OBSERVED);
        assertThat(built.value(0, 0, Channel.FLOW)).isEqualTo(5f);
    }

    @Test
    void slicesByIndexAndByInstant() {
        SensorSeries slice = series().sliceTime(2, 5);
        assertThat(slice.length()).isEqualTo(3);
        assertThat(slice.start()).isEqualTo(START.plusSeconds(600));
        assertThat(slice.value(0, 1, Channel.FLOW)).isEqualTo(102f);
        assertThat(slice.state(0, 1, Channel.FLOW)).isEqualTo(ValueState.IMPUTED);

        SensorSeries byTime = series().sliceTime(START.plusSeconds(600), START.plusSeconds(1500));
        assertThat(byTime.length()).isEqualTo(3);
        assertThat(byTime.value(2, 0, Channel.FLOW)).isEqualTo(4f);
    }

    @Test
    void selectsStationsInTheOrderAsked() {
        SensorSeries chosen = series().selectStations(List.of(103, 101));
        assertThat(chosen.stationIds()).containsExactly(103, 101);
        assertThat(chosen.value(1, 0, Channel.FLOW)).isEqualTo(201f);
        assertThat(chosen.value(1, 1, Channel.FLOW)).isEqualTo(1f);
        assertThatThrownBy(() -> series().selectStations(List.of(999))).hasMessageContaining("999");
    }

    @Test
    void mapsInstantsToGridIndices() {
        SensorSeries series = series();
        assertThat(series.indexOf(START.plusSeconds(900))).isEqualTo(3);
        assertThat(series.indexOf(START.plusSeconds(901))).isEqualTo(-1);
        assertThat(series.indexOf(START.minusSeconds(300))).isEqualTo(-1);
        assertThat(series.indexOf(series.end())).isEqualTo(-1);
        assertThat(series.timeAt(5)).isEqualTo(START.plusSeconds(1500));
    }

    @Test
    void columnCopiesOneStationChannel() {
        float[] column = series().column(1, Channel.FLOW);
        assertThat(column).containsExactly(100, 101, 102, 103, 104, 105);
    }

    @Test
    void rejectsDuplicateStations() {
        assertThatThrownBy(() -> SensorSeries.builder(START, SensorSeries.FIVE_MINUTES, 1,
                List.of(Station.unknown(1), Station.unknown(1))).build()).hasMessageContaining("twice");
    }
}
