package org.flowcast.model.neural;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.flowcast.model.window.WindowSpec;
import org.junit.jupiter.api.Test;

/** The data-parallel split of a batch: two halves on two threads must give the whole batch's loss and gradient. */
class CompiledModelTest {
    private static final int STATIONS = 5;
    private static final WindowSpec SPEC = new WindowSpec(4, 2, true, true);

    @Test
    void aBatchSplitOverTwoThreadsGivesTheGradientOfTheWholeBatch() {
        CompiledModel model = CompiledModel.compile(new AttentionConvLstm(new AttentionConvLstm.Parameters(2, 3, 4, 2, 5, 3, true, true,
                true, false)),
                SPEC, STATIONS, 7);
        Batch batch = randomBatch(6, new SplittableRandom(3));
        CompiledModel.Gradients whole = model.lossAndGradients(batch, 7);

        // One window at a time runs on one thread; rescaled by their denominators the parts add up to the batch.
        double denominator = batch.maskTotal() + 1;
        double loss = 0;
        Map<String, float[]> summed = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Batch one = batch.rows(i, i + 1);
            double weight = (one.maskTotal() + 1) / denominator;
            CompiledModel.Gradients part = model.lossAndGradients(one, 7);
            loss += part.loss() * weight;
            part.byParameter().forEach((name, g) -> {
                float[] sum = summed.computeIfAbsent(name, k -> new float[g.length]);
                for (int j = 0; j < g.length; j++) {
                    sum[j] += (float) (g[j] * weight);
                }
            });
        }
        assertThat(whole.loss()).isCloseTo(loss, Offset.offset(1e-5));
        assertThat(whole.byParameter().keySet()).isEqualTo(summed.keySet());
        double largest = 0;
        for (String name : summed.keySet()) {
            float[] a = whole.byParameter().get(name);
            float[] b = summed.get(name);
            for (int j = 0; j < a.length; j++) {
                largest = Math.max(largest, Math.abs(a[j]));
                assertThat((double) a[j]).as(name + "[" + j + "]").isCloseTo(b[j], Offset.offset(1e-5));
            }
        }
        assertThat(largest).as("the gradient is not trivially zero").isGreaterThan(1e-3);
    }

    @Test
    void theSameBatchGivesTheSameGradientEveryTime() {
        CompiledModel model = CompiledModel.compile(RecurrentBaseline.gru(new RecurrentBaseline.Parameters(2, 6)),
                new WindowSpec(4, 2, false, false), STATIONS, 7);
        SplittableRandom random = new SplittableRandom(5);
        int n = 9;
        Batch batch = new Batch(n, fill(new float[n * 4 * (STATIONS + WindowSpec.TIME_FEATURES)], random), null, null,
                fill(new float[n * 2 * STATIONS], random), ones(n * 2 * STATIONS));
        CompiledModel.Gradients first = model.lossAndGradients(batch, 7);
        for (int repeat = 0; repeat < 5; repeat++) {
            CompiledModel.Gradients again = model.lossAndGradients(batch, 7);
            assertThat(again.loss()).isEqualTo(first.loss());
            first.byParameter().forEach((name, g) -> assertThat(again.byParameter().get(name)).as(name).containsExactly(g));
        }
    }

    private static Batch randomBatch(int n, SplittableRandom random) {
        int recent = SPEC.inputSteps() * SPEC.recentFeatures(STATIONS);
        int periodic = SPEC.periodicSteps() * STATIONS;
        int targets = SPEC.horizon() * STATIONS;
        float[] mask = ones(n * targets);
        mask[3] = 0;
        mask[targets + 1] = 0;
        return new Batch(n, fill(new float[n * recent], random), fill(new float[n * periodic], random), fill(new float[n * periodic],
                random),
                fill(new float[n * targets], random), mask);
    }

    private static float[] fill(float[] a, SplittableRandom random) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return a;
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        Arrays.fill(a, 1f);
        return a;
    }
}
