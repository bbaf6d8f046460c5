package org.flowcast.model.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcast.model.ModelFile.FloatArray;
import org.junit.jupiter.api.Test;

class WeightAverageTest {

    private static Map<String, float[]> weights(float value) {
        Map<String, float[]> weights = new LinkedHashMap<>();
        weights.put("w", new float[] {value, 2 * value});
        return weights;
    }

    private static Map<String, FloatArray> shapes() {
        return Map.of("w", new FloatArray(new long[] {2}, new float[] {99f, 99f}), "untouched", new FloatArray(new long[] {1},
                new float[] {7f}));
    }

    @Test
    void startsAtTheFirstStepsWeightsAndForgetsThemQuicklyDuringWarmUp() {
        WeightAverage average = new WeightAverage(0.99);
        average.update(weights(0f), 1);
        average.update(weights(1f), 2);
        // At step 2 the average keeps (1 + 2) / (10 + 2) = 0.25 of itself.
        assertThat(average.weights(shapes()).get("w").values()).containsExactly(0.75f, 1.5f);
    }

    @Test
    void keepsTheDecayOfItselfOnceWarmedUp() {
        WeightAverage average = new WeightAverage(0.9);
        average.update(weights(0f), 1000);
        average.update(weights(1f), 1001);
        assertThat(average.weights(shapes()).get("w").values()[0]).isCloseTo(0.1f, within(1e-7f));
    }

    @Test
    void takesAWeightNoStepHasTouchedAsItIs() {
        WeightAverage average = new WeightAverage(0.99);
        average.update(weights(1f), 1);
        assertThat(average.weights(shapes()).get("untouched").values()).containsExactly(7f);
    }

    @Test
    void aRestoredStateContinuesExactlyAsTheOriginal() {
        WeightAverage original = new WeightAverage(0.99);
        original.update(weights(1f), 1);
        original.update(weights(3f), 2);
        WeightAverage restored = new WeightAverage(0.99);
        restored.restore(original.state());
        original.update(weights(5f), 3);
        restored.update(weights(5f), 3);
        assertThat(restored.weights(shapes()).get("w").values()).containsExactly(original.weights(shapes()).get("w").values());
    }
}
