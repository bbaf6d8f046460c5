package org.flowcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.flowcast.model.ModelRegistry;
import org.junit.jupiter.api.Test;

class SideBySideBenchServiceTest {
    @Test
    void everyNeuralModelHasAReferenceCounterpartAndNoBaselineHas() {
        assertThat(SideBySideBenchService.comparableModels())
                .containsExactlyElementsOf(ModelRegistry.names().stream().filter(m -> !ModelRegistry.isBaseline(m)).toList());
        assertThat(SideBySideBenchService.torchName("at-conv-lstm")).hasValue("atconvlstm");
        assertThat(SideBySideBenchService.torchName("stid")).hasValue("stid");
        assertThat(SideBySideBenchService.torchName("persistence")).isEmpty();
    }

    @Test
    void comparesTheMediansOverThePairs() {
        List<SideBySideBenchService.Pair> pairs = List.of(pair(1, 8_000.0, 0.2, 4_000), pair(2, 10_000.0, 0.3, 5_000),
                pair(3, 12_000.0, 0.4, 3_000));
        SideBySideBenchService.Comparison comparison = SideBySideBenchService.compare("lstm", "lstm", pairs);
        assertThat(comparison.flowcastSteadySamplesPerSecond()).isEqualTo(10_000.0);
        assertThat(comparison.torchSamplesPerSecond()).isEqualTo(4_000.0);
        assertThat(comparison.ratio()).isCloseTo(2.5, within(1e-12));
        assertThat(comparison.flowcastFirstEpochShare()).isEqualTo(0.3);
        assertThat(comparison.pairs()).hasSize(3);
    }

    @Test
    void withoutASteadyFigureThereIsNoRatio() {
        SideBySideBenchService.Comparison comparison = SideBySideBenchService.compare("tcn", "tcn", List.of(pair(1, null, null, 8_000)));
        assertThat(comparison.flowcastSteadySamplesPerSecond()).isNull();
        assertThat(comparison.ratio()).isNull();
        assertThat(comparison.torchSamplesPerSecond()).isEqualTo(8_000.0);
    }

    private static SideBySideBenchService.Pair pair(int pair, Double steady, Double share, double torch) {
        ModelBenchService.ModelFigures flowcast = new ModelBenchService.ModelFigures("lstm", Map.of(), 20, 30, 12, 1000, steady == null
                ? 1000 : steady, List.of(), steady, share, 1, 7, 10, 1, 1205, 1);
        PyTorchReference.Run reference = new PyTorchReference.Run("lstm", 3615, 7, List.of(), 3615 / torch, torch, 21, null);
        return new SideBySideBenchService.Pair(pair, flowcast, reference, null, null, null, null);
    }
}
