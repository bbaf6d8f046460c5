package org.flowcast.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HorizonTest {
    @Test
    void thirtyMinutesIsStillShort() {
        assertThat(Horizon.STANDARD.classOf(6)).isEqualTo(HorizonClass.SHORT);
        assertThat(Horizon.STANDARD.classOf(7)).isEqualTo(HorizonClass.LONG);
    }

    @Test
    void longHorizonSplitsIntoSixShortAndEighteenLongSteps() {
        assertThat(Horizon.LONG.stepsOf(HorizonClass.SHORT)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Horizon.LONG.stepsOf(HorizonClass.LONG)).hasSize(18).startsWith(7).endsWith(24);
        assertThat(Horizon.LONG.lead(24)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void reportsShowTheStepsTheHorizonReaches() {
        assertThat(Horizon.reportedSteps(12)).containsExactly(3, 6, 12);
        assertThat(Horizon.reportedSteps(24)).containsExactly(3, 6, 12, 24);
        assertThat(Horizon.SHORT_STEPS).isEqualTo(6);
    }

    @Test
    void classifiesByLeadTimeWhateverTheStep() {
        Horizon quarterHours = new Horizon(4, Duration.ofMinutes(15));
        assertThat(quarterHours.stepsOf(HorizonClass.SHORT)).containsExactly(1, 2);
    }
}
