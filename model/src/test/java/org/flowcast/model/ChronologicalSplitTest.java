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
}
