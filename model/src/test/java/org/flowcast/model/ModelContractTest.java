package org.flowcast.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.flowcast.core.Channel;
import org.flowcast.core.Forecast;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.model.statistical.Persistence;
import org.flowcast.model.statistical.SeasonalNaive;
import org.flowcast.model.window.WindowSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every registered model keeps, run on the sample corridor. */
class ModelContractTest {
    private static final int HORIZON = 12;
    /** The longest lookback of any model (a week and an hour), so that every model sees the same windows. */
    private static final int LOOKBACK = WindowSpec.WEEK_STEPS + 12;
    /** The naive level itself: these are not expected to beat persistence. */
    private static final java.util.Set<String> NAIVE = java.util.Set.of(Persistence.NAME, SeasonalNaive.NAME);
    static SensorSeries series;
    static ChronologicalSplit split;
    static List<Instant> testOrigins;
    static double persistenceMae;

    @TempDir
    static Path dir;

    @BeforeAll
    static void split() {
        series = SampleData.series();
        split = ChronologicalSplit.of(series, LOOKBACK, HORIZON);
        testOrigins = Evaluation.origins(split.test(), LOOKBACK, HORIZON, 3);
        BatchForecaster persistence = (BatchForecaster) Persistence.trainer(HORIZON).fit(split.train(), split.validation());
        persistenceMae = Evaluation.mae(persistence, split.test(), testOrigins);
    }

    static Stream<String> models() {
        return ModelRegistry.names().stream();
    }

    /**
     * A small budget so that the suite stays fast (a higher rate, decaying by a tenth each epoch); the
     * benchmark trains to convergence at the protocol's constant 1e-3.
     */
    static TrainingConfig config(int epochs) {
        TrainingConfig d = TrainingConfig.defaults();
        return new TrainingConfig(d.inputSteps(), HORIZON, d.batchSize(), epochs, d.patience(), 3e-3, 0.9, d.clipNorm(), d.seed(), 0, d.averageDecay());
    }

    static BatchForecaster fit(String name, int epochs) {
        return fit(name, epochs, split);
    }

    static BatchForecaster fit(String name, int epochs, ChronologicalSplit on) {
        TrainingListener progress = new TrainingListener() {
            @Override
            public void epochFinished(org.flowcast.model.neural.EpochReport r) {
                System.out.printf("  %s epoch %d: loss %.4f, validation MAE %.2f, %.0f samples/s%n", name, r.epoch() + 1,
                        r.trainLoss(), r.validationMae(), r.samplesPerSecond());
            }
        };
        return (BatchForecaster) ModelRegistry.get(name).trainer(config(epochs), Map.of(), progress, Optional.empty())
                .fit(on.train(), on.validation());
    }

    @ParameterizedTest
    @MethodSource("models")
    void fitsForecastsRightShapedFiniteValuesBeatsPersistenceAndRoundTripsThroughItsFile(String name) throws Exception {
        float[] before = split.test().column(0, Channel.FLOW);
        BatchForecaster forecaster = fit(name, 8);
        List<Forecast> forecasts = forecaster.predictAll(split.test(), testOrigins.subList(0, 20));
        assertThat(Arrays.equals(before, split.test().column(0, Channel.FLOW))).as("the input is not changed").isTrue();
        for (Forecast f : forecasts) {
            assertThat(f.horizonSteps()).isEqualTo(HORIZON);
            assertThat(f.stationCount()).isEqualTo(series.stationCount());
            for (float[] row : f.values()) {
                for (float v : row) {
                    assertThat(v).isFinite();
                }
            }
        }
        assertThat(forecaster.provenance().model()).isEqualTo(name);
        assertThat(forecaster.provenance().dataFrom()).isEqualTo(split.train().start());

        double mae = Evaluation.mae(forecaster, split.test(), testOrigins);
        System.out.printf("%s: test MAE %.2f (persistence %.2f)%n", name, mae, persistenceMae);
        if (!NAIVE.contains(name)) {
            assertThat(mae).as(name + " beats persistence").isLessThan(persistenceMae);
        }

        Path file = dir.resolve(name + ".fcm");
        forecaster.save(file);
        BatchForecaster loaded = ModelRegistry.load(file);
        List<Forecast> again = loaded.predictAll(split.test(), testOrigins.subList(0, 20));
        for (int i = 0; i < forecasts.size(); i++) {
            assertThat(again.get(i).values()).isDeepEqualTo(forecasts.get(i).values());
        }
        assertThat(loaded.provenance()).isEqualTo(forecaster.provenance());
    }

    @ParameterizedTest
    @MethodSource("models")
    void theSameSeedGivesTheSameForecast(String name) {
        // A shorter training part keeps the two fits quick; determinism does not depend on its length.
        ChronologicalSplit shortSplit = ChronologicalSplit.of(series, LOOKBACK, HORIZON, 0.2, 0.1);
        Forecast first = fit(name, 1, shortSplit).predict(split.test(), testOrigins.get(5));
        Forecast second = fit(name, 1, shortSplit).predict(split.test(), testOrigins.get(5));
        assertThat(second.values()).isDeepEqualTo(first.values());
    }

}
