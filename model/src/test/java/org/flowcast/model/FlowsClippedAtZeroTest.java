package org.flowcast.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.core.PredictionInterval;
import org.flowcast.core.Provenance;
import org.flowcast.core.SensorSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every forecast leaves this module with negative flows raised to zero and counted, whether the model was
 * just fitted (and evaluated) or loaded from its file: shown on a model whose every forecast is below zero.
 */
class FlowsClippedAtZeroTest {
    private static final int HORIZON = 12;

    @TempDir
    Path dir;

    /** {@link ToyModelTest}'s station means, each 1,000 vehicles lower: a model whose every forecast is below zero. */
    private static ForecastTrainer belowZero() {
        return new ForecastTrainer() {
            @Override
            public String modelName() {
                return "station-mean";
            }

            @Override
            public Forecaster fit(SensorSeries train, SensorSeries validation) {
                float[] means = new float[train.stationCount()];
                Arrays.fill(means, -1000f);
                return new ToyModelTest.StationMean(HORIZON, Arrays.stream(train.stationIds()).boxed().toList(), means,
                        Provenance.of("station-mean", Map.of("horizon", String.valueOf(HORIZON)), train, 0));
            }
        };
    }

    @Test
    void aFittedAndALoadedModelForecastNoNegativeFlowAndSayHowManyTheyRaised() throws Exception {
        ChronologicalSplit split = ChronologicalSplit.of(SampleData.series(), 12, HORIZON);
        StoredForecaster fitted = split.fit(belowZero());
        Path file = dir.resolve("below-zero.fcm");
        fitted.save(file);
        List<ModelRegistry.Entry> registered = new ArrayList<>(ModelRegistry.all());
        registered.add(ToyModelTest.ENTRY);
        Forecaster loaded = ModelRegistry.load(file, registered);
        SensorSeries test = split.test();
        for (Forecaster model : List.of(fitted, loaded)) {
            Forecast f = model.predict(test, test.timeAt(20));
            for (float[] step : f.values()) {
                assertThat(step).containsOnly(0f);
            }
            assertThat(f.clippedValues()).isEqualTo(HORIZON * f.stationCount());
            assertThat(f.intervals()).hasSize(2);
            for (PredictionInterval interval : f.intervals()) {
                assertThat(interval.lower(HORIZON, 0)).isLessThanOrEqualTo(f.value(HORIZON, 0));
                assertThat(interval.upper(HORIZON, 0)).isGreaterThanOrEqualTo(f.value(HORIZON, 0));
            }
        }
    }

    @Test
    void evaluationScoresTheClippedForecastWhichIsNeverFurtherFromTheTruth() {
        ChronologicalSplit split = ChronologicalSplit.of(SampleData.series(), 12, HORIZON);
        ForecastTrainer trainer = belowZero();
        Forecaster raw = trainer.fit(split.train(), split.validation());
        Forecaster shown = split.fit(trainer);
        var origins = Evaluation.origins(split.test(), 12, HORIZON, 5);
        assertThat(Evaluation.mae(shown, split.test(), origins)).isLessThan(Evaluation.mae(raw, split.test(), origins));
    }
}
