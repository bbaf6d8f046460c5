package org.flowcast.model;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.flowcast.core.PemsTime;
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

    @Test
    void theLastDaysAsTestLeaveTheirEarlierWindowsToTrainAndAQuarterOfThemToValidate() {
        SensorSeries series = series(8064);
        ChronologicalSplit split = EvaluationProtocol.of(12).withTest(EvaluationProtocol.TestRange.lastDays(7)).split(series);

        // origins of the last 7 days whose 12 targets lie in the data: 7 * 288 - 12
        assertThat(split.testOrigins()).isEqualTo(7 * 288 - 12);
        int firstTest = 8064 - 7 * 288;
        assertThat(split.test().timeAt(LOOKBACK - 1)).isEqualTo(series.timeAt(firstTest));
        int earlier = firstTest - (LOOKBACK - 1);
        assertThat(split.validationOrigins()).isEqualTo((int) (earlier * 0.25));
        assertThat(split.trainOrigins()).isEqualTo(earlier - split.validationOrigins());
        // validation ends right before the first test origin
        assertThat(split.validation().timeAt(split.validation().length() - 12 - 1)).isEqualTo(series.timeAt(firstTest - 1));
    }

    @Test
    void aTestRangeInTimeWithItsOwnValidationShareEndsWhereItIsTold() {
        SensorSeries series = series(8064);
        Instant from = series.timeAt(6000);
        Instant to = series.timeAt(6288);
        EvaluationProtocol protocol = EvaluationProtocol.of(24).withTest(EvaluationProtocol.TestRange.between(from,
                to)).withValidationShare(0.15);
        ChronologicalSplit split = protocol.split(series);

        assertThat(split.testOrigins()).isEqualTo(288);
        assertThat(split.test().timeAt(LOOKBACK - 1)).isEqualTo(from);
        assertThat(split.test().end()).as("the last origin's targets, no more").isEqualTo(series.timeAt(6287 + 24 + 1));
        assertThat(split.validationOrigins()).isEqualTo((int) ((6000 - (LOOKBACK - 1)) * 0.15));
        assertThat(protocol.describe()).contains("test: the origins of from " + PemsTime.format(from),
                "the last 15% of the windows before them");
        assertThat(EvaluationProtocol.of(12).describe()).isEqualTo(
                "one chronological split of the windows, 60% training, 20% validation, 20% test");
    }

    @Test
    void aTestRangeWithNoRoomBeforeItIsRefusedWithTheReason() {
        SensorSeries series = series(8064);
        Assertions.assertThatThrownBy(() -> EvaluationProtocol.of(12)
                        .withTest(EvaluationProtocol.TestRange.lastDays(27)).split(series))
                .hasMessageContaining("windows before it to train and validate on");
        Assertions.assertThatThrownBy(() -> EvaluationProtocol.of(12)
                        .withTest(EvaluationProtocol.TestRange.between(series.end().plusSeconds(3600), null)).split(series))
                .hasMessageContaining("holds no origin");
    }
}
