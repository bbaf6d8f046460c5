package org.flowcast.model.neural;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.window.WindowSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every neural model's size, known before it is built, has exactly the weights compiling it creates. */
class ModelSizeTest {

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("at-conv-lstm", Map.of()),
                Arguments.of("at-conv-lstm", Map.of("neighbourSkip", "true", "lstmLayers", "1", "conv1Filters", "5")),
                Arguments.of("at-conv-lstm", Map.of("daily", "false", "seasonalSkip", "false", "linearSkip", "false")),
                Arguments.of("at-conv-lstm", Map.of("weekly", "false", "periodicHidden", "7")),
                Arguments.of("lstm", Map.of()),
                Arguments.of("lstm", Map.of("layers", "3", "hidden", "9")),
                Arguments.of("gru", Map.of()),
                Arguments.of("gru", Map.of("layers", "1")),
                Arguments.of("tcn", Map.of()),
                Arguments.of("tcn", Map.of("kernel", "2", "blocks", "2", "channels", "5")),
                Arguments.of("transformer", Map.of()),
                Arguments.of("transformer", Map.of("heads", "2", "width", "6", "layers", "1", "feedForward", "10")),
                Arguments.of("stid", Map.of()),
                Arguments.of("stid", Map.of("blocks", "1", "embedding", "5")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void theWeightsASizeCountsAreTheWeightsCompilingCreates(String name, Map<String, String> parameters) {
        NeuralArchitecture architecture = ((ModelRegistry.Neural<?>) ModelRegistry.get(name)).architecture(parameters);
        for (int horizon : new int[] {12, 24}) {
            WindowSpec spec = architecture.windowSpec(12, horizon);
            ModelSize size = architecture.size(spec, 5);
            assertThat(size.parameters()).as("%s at %d steps", name, horizon)
                    .isEqualTo(CompiledModel.compile(architecture, spec, 5, 42).parameterCount());
            assertThat(size.activationsPerWindow()).isPositive();
        }
    }
}
