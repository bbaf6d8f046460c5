package org.flowcast.model;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.flowcast.core.Channel;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastPart;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.neural.AttentionConvLstm;
import org.flowcast.model.neural.EpochReport;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.model.statistical.Persistence;
import org.flowcast.model.statistical.SeasonalNaive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every registered model keeps, run on the sample corridor. */
class ModelContractTest {
    private static final int HORIZON = 12;
    /** The longest lookback of any model (a week and an hour), so that every model sees the same windows. */
    private static final int LOOKBACK = EvaluationProtocol.LOOKBACK;
    /** The naive level itself: these are not expected to beat persistence. */
    private static final Set<String> NAIVE = Set.of(Persistence.NAME, SeasonalNaive.NAME);
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
        Forecaster persistence = Persistence.trainer(HORIZON).fit(split.train(), split.validation());
        persistenceMae = Evaluation.mae(persistence, split.test(), testOrigins);
    }

    static Stream<String> models() {
        return ModelRegistry.names().stream();
    }

    /**
     * A small budget so that the suite stays fast (a higher rate, decaying by a tenth each epoch; three epochs
     * leave every neural model at a test MAE of 14.6-16.3 against persistence's 27.6); the
     * benchmark trains to convergence at the protocol's constant 1e-3.
     */
    static TrainingConfig config(int epochs) {
        TrainingConfig d = TrainingConfig.defaults();
        return new TrainingConfig(d.inputSteps(), HORIZON, d.batchSize(), epochs, d.patience(), 3e-3, 0.9, d.clipNorm(), d.seed(), 0,
                d.averageDecay());
    }

    static Forecaster fit(String name, int epochs) {
        return fit(name, epochs, split);
    }

    static Forecaster fit(String name, int epochs, ChronologicalSplit on) {
        TrainingListener progress = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport r) {
                System.out.printf("  %s epoch %d: loss %.4f, validation MAE %.2f, %.0f samples/s%n", name, r.epoch() + 1,
                        r.trainLoss(), r.validationMae(), r.samplesPerSecond());
            }
        };
        return on.fit(trainer(name, epochs, progress));
    }

    private static ForecastTrainer trainer(String name, int epochs, TrainingListener progress) {
        return ModelRegistry.get(name).trainer(config(epochs), Map.of(), progress, Optional.empty());
    }

    @ParameterizedTest
    @MethodSource("models")
    void fitsForecastsRightShapedFiniteValuesBeatsPersistenceCoversAtItsLevelsAndRoundTripsThroughItsFile(String name) throws Exception {
        float[] before = split.test().column(0, Channel.FLOW);
        Forecaster forecaster = fit(name, 3);
        List<Forecast> forecasts = forecaster.predictAll(split.test(), testOrigins.subList(0, 20));
        assertThat(Arrays.equals(before, split.test().column(0, Channel.FLOW))).as("the input is not changed").isTrue();
        for (Forecast f : forecasts) {
            assertThat(f.horizonSteps()).isEqualTo(HORIZON);
            assertThat(f.stationCount()).isEqualTo(series.stationCount());
            for (float[] row : f.values()) {
                for (float v : row) {
                    assertThat(v).isFinite().as("no flow is below zero").isGreaterThanOrEqualTo(0f);
                }
            }
        }
        // a model that shows its forecast as a sum of parts: they add up to the forecast, step by step and station by station
        // (where the sum was below zero, the forecast was raised to zero)
        if (name.equals(AttentionConvLstm.NAME)) {
            assertThat(forecasts.get(0).parts()).extracting(ForecastPart::name).containsExactly(
                    AttentionConvLstm.PART_HEAD, AttentionConvLstm.PART_SEASONAL,
                    AttentionConvLstm.PART_LINEAR);
        }
        for (Forecast f : forecasts) {
            if (f.parts().isEmpty()) {
                continue;
            }
            for (int h = 1; h <= f.horizonSteps(); h++) {
                for (int s = 0; s < f.stationCount(); s++) {
                    double sum = 0;
                    for (ForecastPart part : f.parts()) {
                        sum += part.value(h, s);
                    }
                    assertThat(Math.max(0, sum)).as("the parts of step %d at station %d", h, s)
                            .isCloseTo(f.value(h, s), Assertions.within(1e-3 + 1e-5 * Math.abs(f.value(h, s))));
                }
            }
        }
        assertThat(forecaster.provenance().model()).isEqualTo(name);
        // the training part, trimmed to the model's lookback, is the data it saw
        SensorSeries seen = split.train().sliceTime(forecaster.provenance().dataFrom(), forecaster.provenance().dataTo());
        assertThat(forecaster.provenance().dataFrom()).isAfterOrEqualTo(split.train().start());
        assertThat(forecaster.provenance().dataFingerprint()).as("the data it saw").isEqualTo(seen.fingerprint());
        assertThat(forecaster.provenance().codeCommit()).as("the build's commit").isNotBlank();
        assertThat(forecaster.provenance().environment()).containsKeys("java", "os", "arch", "cores");
        if (!(ModelRegistry.get(name) instanceof ModelRegistry.Statistical)) {
            assertThat(forecaster.provenance().environment()).containsKey("numericBackend");
        }

        double mae = Evaluation.mae(forecaster, split.test(), testOrigins);
        System.out.printf("%s: test MAE %.2f (persistence %.2f)%n", name, mae, persistenceMae);
        if (!NAIVE.contains(name)) {
            assertThat(mae).as(name + " beats persistence").isLessThan(persistenceMae);
        }

        Path file = dir.resolve(name + ".fcm");
        forecaster.save(file);
        Forecaster loaded = ModelRegistry.load(file);
        List<Forecast> again = loaded.predictAll(split.test(), testOrigins.subList(0, 20));
        for (int i = 0; i < forecasts.size(); i++) {
            assertThat(again.get(i).values()).isDeepEqualTo(forecasts.get(i).values());
        }
        assertThat(loaded.provenance()).isEqualTo(forecaster.provenance());
        assertThat(loaded.calibration()).usingRecursiveFieldByFieldElementComparator().isEqualTo(forecaster.calibration());
        assertThat(again.get(0).interval(0.8)).as("a loaded model forecasts its intervals").isPresent();

        // split-conformal on the validation part: the test truths fall inside about as often as the level says
        assertThat(forecaster.calibration()).extracting(ConformalIntervals::level).containsExactly(0.8, 0.95);
        double inside80 = Evaluation.coverage(forecaster, split.test(), testOrigins, 0.8);
        double inside95 = Evaluation.coverage(forecaster, split.test(), testOrigins, 0.95);
        System.out.printf("%s: test coverage %.3f (80%%), %.3f (95%%)%n", name, inside80, inside95);
        assertThat(inside80).isBetween(0.65, 0.95);
        assertThat(inside95).isBetween(0.85, 1.0).isGreaterThan(inside80);
    }

    @ParameterizedTest
    @MethodSource("models")
    void theSameSeedGivesTheSameForecast(String name) {
        // A shorter training part keeps the two fits quick; determinism does not depend on its length.
        ChronologicalSplit shortSplit = ChronologicalSplit.of(series, LOOKBACK, HORIZON, 0.2, 0.1);
        // fitted without the calibration pass, which the test above covers: determinism is the fit's
        ForecastTrainer once = trainer(name, 1, TrainingListener.NONE);
        ForecastTrainer again = trainer(name, 1, TrainingListener.NONE);
        Forecast first = once.fit(shortSplit.trainFor(once.lookbackSteps()), shortSplit.validationFor(once.lookbackSteps()))
                .predict(split.test(), testOrigins.get(5));
        Forecast second = again.fit(shortSplit.trainFor(again.lookbackSteps()), shortSplit.validationFor(again.lookbackSteps()))
                .predict(split.test(), testOrigins.get(5));
        assertThat(second.values()).isDeepEqualTo(first.values());
    }

}
