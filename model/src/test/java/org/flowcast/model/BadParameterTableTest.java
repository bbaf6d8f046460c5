package org.flowcast.model;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.model.neural.TrainingMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad model parameters, one row each. A value outside the bounds its model declares is refused as the
 * registry makes the trainer (a usage error, before any data is read); a model within its bounds whose
 * training would not fit the heap is refused with the estimate, before training.
 */
class BadParameterTableTest {
    private static final TrainingConfig CONFIG = TrainingConfig.defaults();

    static Stream<Arguments> outOfBounds() {
        return Stream.of(
                Arguments.of("tcn", "channels", "2000000000", "tcn's channels must lie from 1 to 1024, not 2000000000"),
                Arguments.of("tcn", "blocks", "40", "blocks must lie from 1 to 10"),
                Arguments.of("tcn", "kernel", "100000", "kernel must lie from 1 to"),
                Arguments.of("lstm", "hidden", "200000", "lstm's hidden must lie from 1 to 1024, not 200000"),
                Arguments.of("gru", "layers", "1000", "gru's layers must lie from 1 to 8"),
                Arguments.of("transformer", "heads", "0", "heads must lie from 1 to 64, not 0"),
                Arguments.of("transformer", "width", "100000", "width must lie from 1 to 1024"),
                Arguments.of("stid", "embedding", "1000000", "embedding must lie from 1 to"),
                Arguments.of("at-conv-lstm", "projection", "1000000000", "projection must lie from 1 to 1024"),
                Arguments.of("at-conv-lstm", "conv1Filters", "0", "conv1Filters must lie from 1 to"),
                Arguments.of("at-conv-lstm", "periodicHidden", "-3", "periodicHidden must lie from 1 to"),
                Arguments.of("linear-ar", "lambda", "1e300", "lambda must lie from 0 to"));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("outOfBounds")
    void aParameterOutsideItsModelsBoundsIsAUsageErrorBeforeTraining(String model, String name, String value, String message) {
        assertThatThrownBy(() -> ModelRegistry.get(model).trainer(CONFIG, Map.of(name, value), TrainingListener.NONE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThatThrownBy(() -> ModelRegistry.get(model).checkParameters(Map.of(name, value))).hasMessageContaining(message);
    }

    @Test
    void trainingAModelThisHeapCannotHoldIsRefusedBeforeAnythingOfItsSizeIsAllocated() {
        ModelRegistry.Neural<?> transformer = (ModelRegistry.Neural<?>) ModelRegistry.get("transformer");
        Map<String, String> widest = Map.of("width", "1024", "feedForward", "4096", "layers", "12");
        SensorSeries series = SampleData.series();
        ChronologicalSplit split = ChronologicalSplit.of(series, 12, 12);
        long estimate = transformer.trainingMemory(widest, CONFIG, series.stationCount(), 0).bytes();
        assumeTrue(estimate > Runtime.getRuntime().maxMemory(), "this JVM's heap holds even " + estimate + " bytes");
        ForecastTrainer trainer = transformer.trainer(CONFIG, widest, TrainingListener.NONE, Optional.empty());
        assertThatThrownBy(() -> split.fit(trainer)).isInstanceOf(ModelTooLargeException.class)
                .hasMessageContaining("transformer (width=1024 heads=4 layers=12 feedForward=4096) on 8 stations would need about");
    }

    /** Model, parameters, stations, horizon, heap in MiB, and words of the refusal (null: it fits). */
    static Stream<Arguments> heaps() {
        return Stream.of(
                Arguments.of("lstm", Map.of("hidden", "1024", "layers", "8"), 81, 24, 1024, "GB"),
                Arguments.of("transformer", Map.of("width", "1024", "feedForward", "4096", "layers", "12"), 20, 12, 3072,
                        "more than the 3.0 GB"),
                Arguments.of("at-conv-lstm", Map.of(), 81, 24, 64, "more than the 64 MB of heap"),
                Arguments.of("stid", Map.of("embedding", "512", "blocks", "16"), 20, 12, 2048, "--param"),
                // the defaults fit the heaps the README trains in (the Orange corridor's 81 stations in 2 GB)
                Arguments.of("at-conv-lstm", Map.of(), 81, 24, 2048, null),
                Arguments.of("lstm", Map.of(), 81, 24, 2048, null),
                Arguments.of("gru", Map.of(), 81, 24, 2048, null),
                Arguments.of("tcn", Map.of(), 81, 24, 2048, null),
                Arguments.of("transformer", Map.of(), 81, 24, 2048, null),
                Arguments.of("stid", Map.of(), 81, 24, 2048, null),
                Arguments.of("at-conv-lstm", Map.of(), 20, 24, 512, null));
    }

    @ParameterizedTest(name = "{0} {1} on {2} stations, {3} steps, {4} MiB")
    @MethodSource("heaps")
    void aModelWhoseTrainingWouldNotFitTheHeapIsRefusedWithTheEstimate(String model, Map<String, String> parameters, int stations,
                                                                       int horizon, int heapMiB, String message) {
        ModelRegistry.Neural<?> entry = (ModelRegistry.Neural<?>) ModelRegistry.get(model);
        // 10 weeks of 5-minute origins, 80% of them training and validation: the demo's sample
        TrainingMemory memory = entry.trainingMemory(parameters, CONFIG.withHorizon(horizon), stations, 16_128);
        if (message == null) {
            assertThatCode(() -> memory.require((long) heapMiB << 20)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> memory.require((long) heapMiB << 20)).isInstanceOf(ModelTooLargeException.class)
                    .hasMessageContaining(message).hasMessageContaining("would need about").hasMessageContaining("heap");
        }
    }
}
