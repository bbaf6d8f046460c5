package org.flowcast.model.neural;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.Offset;
import org.flowcast.core.Channel;
import org.flowcast.core.Forecast;
import org.flowcast.core.Forecaster;
import org.flowcast.core.MaskedErrorSums;
import org.flowcast.core.Metric;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.ModelFile;
import org.flowcast.model.ModelFileException;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.SampleData;
import org.flowcast.model.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared training engine, with the Conv-LSTM kept small so that each fit takes seconds. */
class NeuralTrainerTest {
    static ChronologicalSplit split;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        SensorSeries series = SampleData.series();
        split = ChronologicalSplit.of(series, new AttentionConvLstm(small()).windowSpec(12, 6).lookback(), 6);
    }

    static AttentionConvLstm.Parameters small() {
        return new AttentionConvLstm.Parameters(4, 4, 16, 1, 16, 8, true, true, true, false);
    }

    static Forecaster oneEpochForecaster() {
        return new NeuralTrainer(new AttentionConvLstm(small()), config(1)).fit(split.train(), split.validation());
    }

    static TrainingConfig config(int epochs) {
        return TrainingConfig.defaults().withHorizon(6).withEpochs(epochs);
    }

    @Test
    void attentionWeightsAreAProbabilityOverTheInputSteps() {
        Forecaster forecaster = oneEpochForecaster();
        List<Forecast> forecasts = forecaster.predictAll(split.test(), List.of(split.test().timeAt(2100), split.test().timeAt(2200)));
        for (Forecast f : forecasts) {
            float[] weights = f.attention().orElseThrow().weights()[0];
            assertThat(weights).hasSize(12);
            double sum = 0;
            for (float w : weights) {
                assertThat(w).isBetween(0f, 1f);
                sum += w;
            }
            assertThat(sum).isCloseTo(1.0, Offset.offset(1e-5));
        }
    }

    @Test
    void aModelTrainedForOneStepIsStoppedOnThatStepsValidationErrorAlone() {
        Forecaster forecaster = new NeuralTrainer(new AttentionConvLstm(small()), config(2).withTrainedStep(2))
                .fit(split.train(), split.validation());
        assertThat(forecaster.provenance().config()).containsEntry("training.trainedStep", "2");
        double recorded = Double.parseDouble(forecaster.provenance().config().get("bestValidationMae"));
        SensorSeries validation = split.validation();
        List<Instant> origins = new ArrayList<>();
        for (int t = split.lookback() - 1; t + 6 < validation.length(); t++) {
            origins.add(validation.timeAt(t));
        }
        MaskedErrorSums stepTwo = new MaskedErrorSums();
        MaskedErrorSums everyStep = new MaskedErrorSums();
        for (Forecast f : forecaster.predictAll(validation, origins)) {
            int t = validation.indexOf(f.origin());
            for (int h = 1; h <= 6; h++) {
                for (int s = 0; s < f.stationCount(); s++) {
                    float truth = validation.value(t + h, s, Channel.FLOW);
                    if (!Float.isNaN(truth)) {
                        everyStep.add(truth, f.value(h, s));
                        if (h == 2) {
                            stepTwo.add(truth, f.value(h, s));
                        }
                    }
                }
            }
        }
        // the error it stopped on is its step-2 error; its untrained other steps are far worse
        assertThat(Metric.MAE.of(stepTwo)).isCloseTo(recorded, Assertions.within(0.01));
        assertThat(Metric.MAE.of(everyStep)).isGreaterThan(recorded * 1.2);
    }

    @Test
    void aTrainedStepPastTheHorizonIsRefused() {
        Assertions.assertThatThrownBy(() -> config(1).withTrainedStep(7))
                .hasMessageContaining("the trained step must lie from 1 to the horizon 6");
    }

    @Test
    void dropoutActsInTrainingOnlyAndRepeatsWithTheSeed() {
        TemporalConvolutionNetwork.Parameters withDropout = new TemporalConvolutionNetwork.Parameters(8, 3, 2, 0.3);
        TemporalConvolutionNetwork.Parameters without = new TemporalConvolutionNetwork.Parameters(8, 3, 2, 0.0);
        Forecaster a = new NeuralTrainer(new TemporalConvolutionNetwork(withDropout), config(2))
                .fit(split.train(), split.validation());
        Forecaster b = new NeuralTrainer(new TemporalConvolutionNetwork(withDropout), config(2))
                .fit(split.train(), split.validation());
        Forecaster plain = new NeuralTrainer(new TemporalConvolutionNetwork(without), config(2))
                .fit(split.train(), split.validation());
        Forecast first = a.predict(split.test(), split.test().timeAt(2100));
        // Predicting twice gives the same values: no dropout outside training.
        assertThat(a.predict(split.test(), split.test().timeAt(2100)).values()).isDeepEqualTo(first.values());
        assertThat(b.predict(split.test(), split.test().timeAt(2100)).values()).isDeepEqualTo(first.values());
        // The same seed without dropout trains to other weights: the masks were applied.
        assertThat(plain.predict(split.test(), split.test().timeAt(2100)).values()).isNotEqualTo(first.values());
    }

    @Test
    void resumingFromACheckpointContinuesWhereTheRunStoppedAndEndsWhereAnUninterruptedRunEnds() {
        Path checkpoint = dir.resolve("model.checkpoint");
        List<Integer> firstEpochs = new ArrayList<>();
        new NeuralTrainer(new AttentionConvLstm(small()), config(2), epochs(firstEpochs), Optional.of(checkpoint))
                .fit(split.train(), split.validation());
        assertThat(checkpoint).exists();
        List<Integer> resumedEpochs = new ArrayList<>();
        Forecaster resumed = new NeuralTrainer(new AttentionConvLstm(small()), config(3), epochs(resumedEpochs),
                Optional.of(checkpoint)).fit(split.train(), split.validation());
        Forecaster straight = new NeuralTrainer(new AttentionConvLstm(small()), config(3))
                .fit(split.train(), split.validation());
        assertThat(firstEpochs).containsExactly(0, 1);
        assertThat(resumedEpochs).containsExactly(2);
        Forecast a = resumed.predict(split.test(), split.test().timeAt(2100));
        Forecast b = straight.predict(split.test(), split.test().timeAt(2100));
        assertThat(a.values()).isDeepEqualTo(b.values());
    }

    @Test
    void aCheckpointOfAnotherConfigurationIsRefused() {
        Path checkpoint = dir.resolve("model.checkpoint");
        new NeuralTrainer(new AttentionConvLstm(small()), config(1), TrainingListener.NONE, Optional.of(checkpoint))
                .fit(split.train(), split.validation());
        AttentionConvLstm other = new AttentionConvLstm(new AttentionConvLstm.Parameters(4, 4, 16, 1, 24, 8, true, true, true, false));
        assertThatThrownBy(() -> new NeuralTrainer(other, config(2), TrainingListener.NONE, Optional.of(checkpoint))
                .fit(split.train(), split.validation())).hasMessageContaining("another model");
    }

    @Test
    void aNonFiniteLossStopsTrainingWithAClearMessageAndFiniteWeights() {
        List<String> messages = new ArrayList<>();
        TrainingConfig huge = new TrainingConfig(12, 6, 64, 3, 5, 1e30, 1.0, 1e30, 42, 0, 0.99);
        Forecaster forecaster = new NeuralTrainer(new AttentionConvLstm(small()), huge, new TrainingListener() {
            @Override
            public void message(String text) {
                messages.add(text);
            }
        }, Optional.empty()).fit(split.train(), split.validation());
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("non-finite").contains("kept the last good weights"));
        for (float[] row : forecaster.predict(split.test(), split.test().timeAt(2100)).values()) {
            for (float v : row) {
                assertThat(v).isFinite();
            }
        }
    }

    @Test
    void aTamperedOrForeignModelFileIsRefusedWithAClearMessage() throws Exception {
        Forecaster forecaster = oneEpochForecaster();
        Path file = dir.resolve("m.fcm");
        forecaster.save(file);
        byte[] bytes = Files.readAllBytes(file);
        // Flip a byte of the first stored array (after the manifest entry).
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("arrays/") + 200;
        bytes[at] ^= 0x5a;
        Path tampered = Files.write(dir.resolve("tampered.fcm"), bytes);
        assertThatThrownBy(() -> ModelRegistry.load(tampered)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("tampered.fcm");
        Path text = Files.writeString(dir.resolve("notes.fcm"), "not a model");
        assertThatThrownBy(() -> ModelRegistry.load(text)).isInstanceOf(ModelFileException.class).hasMessageContaining("notes.fcm");
        assertThatThrownBy(() -> ModelRegistry.load(dir.resolve("absent.fcm"))).hasMessageContaining("no such model file");
    }

    @Test
    void aModelFileWrittenBeforeTheLinearSkipExistedLoadsAsTheModelItWasTrainedAs() throws Exception {
        // Files written before the parameter existed lack it; the default (on) would look for weights they do not hold.
        Forecaster forecaster = oneEpochForecaster();
        Path file = dir.resolve("current.fcm");
        forecaster.save(file);
        ModelFile.Contents contents = ModelFile.read(file);
        ((ObjectNode) contents.manifest().path("hyperparameters")).remove("linearSkip");
        Path older = dir.resolve("older.fcm");
        ModelFile.write(older, contents.manifest(), contents.arrays());
        List<Instant> origins = List.of(split.test().timeAt(2100));
        assertThat(ModelRegistry.load(older).predictAll(split.test(), origins).get(0).values())
                .isDeepEqualTo(forecaster.predictAll(split.test(), origins).get(0).values());
    }

    private static TrainingListener epochs(List<Integer> into) {
        return new TrainingListener() {
            @Override
            public void epochFinished(EpochReport report) {
                into.add(report.epoch());
            }
        };
    }
}
