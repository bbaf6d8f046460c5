package org.flowcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForecastTest {
    private static final Instant ORIGIN = Instant.parse("2022-01-03T08:00:00Z");

    @Test
    void isNotChangedThroughTheArraysItWasGivenOrReturned() {
        float[][] values = {{1, 2}, {3, 4}};
        Forecast forecast = new Forecast("m", ORIGIN, SensorSeries.FIVE_MINUTES, List.of(7, 8), values);
        values[0][0] = 99;
        forecast.values()[1][1] = 99;
        assertThat(forecast.value(1, 0)).isEqualTo(1f);
        assertThat(forecast.value(2, 1)).isEqualTo(4f);
        assertThat(forecast.targetTime(2)).isEqualTo(ORIGIN.plusSeconds(600));
    }

    @Test
    void rejectsRaggedValues() {
        assertThatThrownBy(() -> new Forecast("m", ORIGIN, SensorSeries.FIVE_MINUTES, List.of(7, 8),
                new float[][] {{1, 2}, {3}})).hasMessageContaining("row 1");
    }

    @Test
    void rejectsIntervalOfAnotherShape() {
        PredictionInterval interval = new PredictionInterval(0.8, new float[][] {{0}}, new float[][] {{1}});
        assertThatThrownBy(() -> new Forecast("m", ORIGIN, SensorSeries.FIVE_MINUTES, List.of(7, 8),
                new float[][] {{1, 2}}, List.of(interval), Optional.empty())).hasMessageContaining("shape");
    }

    @Test
    void findsIntervalByLevel() {
        PredictionInterval interval = new PredictionInterval(0.95, new float[][] {{0, 1}}, new float[][] {{2, 3}});
        Forecast forecast = new Forecast("m", ORIGIN, SensorSeries.FIVE_MINUTES, List.of(7, 8),
                new float[][] {{1, 2}}, List.of(interval), Optional.of(AttentionWeights.forWindow(new float[] {0.25f, 0.75f})));
        assertThat(forecast.interval(0.95)).isPresent();
        assertThat(forecast.interval(0.8)).isEmpty();
        assertThat(forecast.attention().orElseThrow().weight(0, 1)).isEqualTo(0.75f);
    }

    @Test
    void clippingRaisesNegativeFlowsToZeroCountsThemAndKeepsTheParts() {
        ForecastPart part = new ForecastPart("head", new float[][] {{-3, 2}, {-0.5f, 4}});
        Forecast raw = new Forecast("m", ORIGIN, SensorSeries.FIVE_MINUTES, List.of(7, 8), new float[][] {{-3, 2}, {-0.5f, 4}},
                List.of(), Optional.empty(), List.of(part));
        Forecast clipped = raw.clippedAtZero();
        assertThat(clipped.values()).isDeepEqualTo(new float[][] {{0, 2}, {0, 4}});
        assertThat(clipped.clippedValues()).isEqualTo(2);
        assertThat(raw.clippedValues()).isZero();
        assertThat(clipped.parts()).singleElement().satisfies(p -> assertThat(p.value(1, 0)).isEqualTo(-3f));
        assertThat(clipped.clippedAtZero().clippedValues()).as("clipping twice counts once").isEqualTo(2);
    }
}
