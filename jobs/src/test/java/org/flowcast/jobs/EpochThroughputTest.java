package org.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EpochThroughputTest {
    @Test
    void theSteadyFigureIsTheMedianFromTheThirdEpochOn() {
        // the two warm-up epochs are slow and left out, however slow they are
        EpochThroughput throughput = new EpochThroughput(List.of(1_000.0, 2_000.0, 9_000.0, 8_000.0, 10_000.0));
        assertThat(throughput.steady()).hasValue(9_000.0);
        assertThat(throughput.firstEpochShare().getAsDouble()).isCloseTo(1_000.0 / 9_000.0, within(1e-12));
    }

    @Test
    void anEvenCountOfSteadyEpochsTakesTheMeanOfTheMiddleTwo() {
        EpochThroughput throughput = new EpochThroughput(List.of(500.0, 700.0, 4_000.0, 1_000.0, 2_000.0, 3_000.0));
        assertThat(throughput.steady()).hasValue(2_500.0);
        assertThat(throughput.firstEpochShare()).hasValue(0.2);
    }

    @Test
    void fewerThanThreeEpochsHaveNoSteadyFigure() {
        assertThat(new EpochThroughput(List.of(1_000.0, 2_000.0)).steady()).isEmpty();
        assertThat(new EpochThroughput(List.of(1_000.0, 2_000.0)).firstEpochShare()).isEmpty();
        assertThat(new EpochThroughput(List.of()).steady()).isEmpty();
        assertThat(new EpochThroughput(List.of(1_000.0, 2_000.0, 6_000.0)).steady()).hasValue(6_000.0);
    }
}
