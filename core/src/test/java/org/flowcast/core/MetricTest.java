package org.flowcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricTest {
    // Worked by hand: only (10, 12) and (20, 15) count; errors 2 and 5.
    private static final float[] TRUTH = {10, 0, 20, Float.NaN};
    private static final float[] PREDICTION = {12, 5, 15, 3};

    @Test
    void maeLeavesOutZeroAndMissingTruth() {
        assertThat(Metric.MAE.of(TRUTH, PREDICTION)).isCloseTo(3.5, within(1e-12));
    }

    @Test
    void rmseLeavesOutZeroAndMissingTruth() {
        assertThat(Metric.RMSE.of(TRUTH, PREDICTION)).isCloseTo(Math.sqrt(14.5), within(1e-12));
    }

    @Test
    void mapeIsPercentOverNonZeroTruth() {
        // (2/10 + 5/20) / 2 = 0.225
        assertThat(Metric.MAPE.of(TRUTH, PREDICTION)).isCloseTo(22.5, within(1e-12));
    }

    @Test
    void explicitMaskLeavesOutImputedTruth() {
        boolean[] valid = {false, true, true, true};
        assertThat(Metric.MAE.of(TRUTH, PREDICTION, valid)).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void metricIsNaNWhenNothingCounts() {
        assertThat(Metric.MAE.of(new float[] {0, Float.NaN}, new float[] {1, 2})).isNaN();
    }

    @Test
    void rejectsNonFinitePredictionWhereTruthCounts() {
        assertThatThrownBy(() -> Metric.MAE.of(new float[] {5}, new float[] {Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void horizonErrorsKeepStepsApartAndPoolThem() {
        HorizonErrors errors = new HorizonErrors(2);
        Forecast forecast = new Forecast("m", Instant.EPOCH, SensorSeries.FIVE_MINUTES, List.of(1, 2),
                new float[][] {{11, 22}, {13, 20}});
        errors.add(forecast, new float[][] {{10, 20}, {10, 0}});
        assertThat(errors.at(Metric.MAE, 1)).isCloseTo(1.5, within(1e-12)); // |1|,|2|
        assertThat(errors.at(Metric.MAE, 2)).isCloseTo(3.0, within(1e-12)); // |3|, truth 0 left out
        assertThat(errors.pooled(Metric.MAE)).isCloseTo(2.0, within(1e-12)); // (1+2+3)/3
        assertThat(errors.count(2)).isEqualTo(1);
    }
}
