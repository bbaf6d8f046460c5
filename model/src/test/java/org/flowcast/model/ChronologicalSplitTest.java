package org.flowcast.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.junit.jupiter.api.Test;

class ChronologicalSplitTest {
    private static final int LOOKBACK = 2028;

    private static SensorSeries series(int steps) {
        return SensorSeries.builder(Instant.parse("2022-01-01T08:00:00Z"), SensorSeries.FIVE_MINUTES, steps,
                List.of(Station.unknown(1))).build();
    }

    @Test
    void roundsSharesDownAndGivesTheRestToTestAsTheReferenceDoes() {
        // Orange at 24 steps: origins 2027..8039, 6,013 windows.
        ChronologicalSplit split = ChronologicalSplit.of(series(8064), LOOKBACK, 24);

        assertThat(List.of(split.trainOrigins(), split.validationOrigins(), split.testOrigins())).containsExactly(3607, 1202, 1204);
    }

    @Test
    void splitsTwelveStepWindowsSixtyTwentyTwenty() {
        ChronologicalSplit split = ChronologicalSplit.of(series(8064), LOOKBACK, 12);

        assertThat(List.of(split.trainOrigins(), split.validationOrigins(), split.testOrigins())).containsExactly(3615, 1205, 1205);
    }

    @Test
    void testSliceHoldsTheLookbackOfItsFirstOriginAndRunsToTheEnd() {
        ChronologicalSplit split = ChronologicalSplit.of(series(8064), LOOKBACK, 24);

        // First test origin 2027 + 3607 + 1202 = 6836; its window starts LOOKBACK - 1 steps earlier.
        assertThat(split.test().length()).isEqualTo(8064 - (6836 - LOOKBACK + 1));
        assertThat(split.validation().length()).isEqualTo(1202 + LOOKBACK - 1 + 24);
    }

    @Test
    void givesAShorterLookbackModelTheSameOriginsAndNoOthers() {
        ChronologicalSplit split = ChronologicalSplit.of(series(8064), LOOKBACK, 12);
        int modelLookback = 12;

        // A part holding n origins with the model's lookback and horizon is n + lookback - 1 + horizon long.
        assertThat(split.trainFor(modelLookback).length()).isEqualTo(3615 + modelLookback - 1 + 12);
        assertThat(split.validationFor(modelLookback).length()).isEqualTo(1205 + modelLookback - 1 + 12);
        assertThat(split.validationFor(modelLookback).end()).isEqualTo(split.validation().end());
        assertThat(split.trainFor(0)).isSameAs(split.train());
        assertThat(split.validationFor(LOOKBACK)).isSameAs(split.validation());
    }
}
