package org.flowcast.model.neural;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.flowcast.model.autodiff.Linear;
import org.flowcast.model.autodiff.Tape;
import org.flowcast.model.autodiff.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {
    private static final int SIZE = 10_000;

    private static float[] ones() {
        float[] v = new float[SIZE];
        Arrays.fill(v, 1f);
        return v;
    }

    @Test
    void offLeavesTheTensorAsItIs() {
        Tensor x = new Tape(false).constant(ones(), 100, 100);
        assertThat(Dropout.OFF.apply(x, 0.5)).isSameAs(x);
    }

    @Test
    void dropsAboutTheRateAndScalesTheRestSoThatTheMeanIsKept() {
        float[] y = Dropout.seeded(3).apply(new Tape(false).constant(ones(), 100, 100), 0.25).data();
        int dropped = 0;
        double sum = 0;
        for (float v : y) {
            assertThat(v == 0f || Math.abs(v - 1 / 0.75f) < 1e-6).as("value %s", v).isTrue();
            dropped += v == 0f ? 1 : 0;
            sum += v;
        }
        assertThat(dropped).isBetween(2_300, 2_700);
        assertThat(sum / SIZE).isBetween(0.96, 1.04);
    }

    @Test
    void everyPositionOfAFourElementGroupAndTheTailDropsAtTheRate() {
        // four elements share one random long, and 40,003 leaves a tail of three drawn from one more
        int size = 40_003;
        float[] input = new float[size];
        Arrays.fill(input, 1f);
        float[] y = Dropout.seeded(5).apply(new Tape(false).constant(input, size), 0.15).data();
        int[] dropped = new int[4];
        for (int i = 0; i < size - 3; i++) {
            dropped[i % 4] += y[i] == 0f ? 1 : 0;
        }
        for (int lane : dropped) {
            assertThat(lane).as("dropped in one position of the groups").isBetween(1_300, 1_700);
        }
        for (int i = size - 3; i < size; i++) {
            assertThat(y[i] == 0f || Math.abs(y[i] - 1 / 0.85f) < 1e-6).as("tail value %s", y[i]).isTrue();
        }
    }

    @Test
    void theSameSeedDropsTheSameElements() {
        float[] a = Dropout.seeded(9).apply(new Tape(false).constant(ones(), SIZE), 0.5).data();
        float[] b = Dropout.seeded(9).apply(new Tape(false).constant(ones(), SIZE), 0.5).data();
        float[] c = Dropout.seeded(10).apply(new Tape(false).constant(ones(), SIZE), 0.5).data();
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void gradientFlowsOnlyThroughKeptElementsWithTheirScale() {
        Tape tape = new Tape(true);
        float[] input = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            input[i] = i % 7 - 3;
        }
        Tensor x = tape.leaf(input, 1, SIZE);
        Tensor y = Dropout.seeded(4).apply(x, 0.5);
        Tensor loss = y.matmul(tape.constant(ones(), SIZE, 1));
        tape.backward(loss);
        float[] out = y.data();
        float[] grad = x.grad();
        for (int i = 0; i < SIZE; i++) {
            assertThat(grad[i] == 0f || grad[i] == 2f).as("gradient %s at %d", grad[i], i).isTrue();
            if (input[i] != 0) {
                assertThat(out[i] == grad[i] * input[i]).as("output %s at %d", out[i], i).isTrue();
            }
        }
    }

    @Test
    void droppingIntoAReluOutputGivesTheValuesAndGradientsOfASeparateDropout() {
        int rows = 50;
        int n = 41;
        float[][] results = new float[4][];
        for (int fused = 0; fused < 2; fused++) {
            Tape tape = new Tape(true);
            float[] input = new float[rows * n];
            float[] weights = new float[n * n];
            for (int i = 0; i < input.length; i++) {
                input[i] = (i * 37 % 23 - 11) / 7f;
            }
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (i * 53 % 29 - 14) / 31f;
            }
            Tensor x = tape.leaf(input, rows, n);
            Tensor w = tape.leaf(weights, n, n);
            Tensor relu = Linear.apply(x, w, tape.constant(new float[n], n), true);
            Tensor y = fused == 1 ? Dropout.seeded(8).applyToRelu(relu, 0.3) : Dropout.seeded(8).apply(relu, 0.3);
            float[] projection = new float[rows * n];
            for (int i = 0; i < projection.length; i++) {
                projection[i] = (i % 5 - 2) / 3f;
            }
            tape.backward(y.reshape(1, rows * n).matmul(tape.constant(projection, rows * n, 1)));
            results[2 * fused] = y.data().clone();
            results[2 * fused + 1] = concat(x.grad(), w.grad());
        }
        assertThat(results[2]).as("values").isEqualTo(results[0]);
        assertThat(results[3]).as("gradients of the input and the weights").isEqualTo(results[1]);
        assertThat(results[0]).contains(0f);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    @Test
    void rejectsARateOfOneOrMore() {
        Tensor x = new Tape(false).constant(ones(), SIZE);
        assertThatThrownBy(() -> Dropout.seeded(1).apply(x, 1.0)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new TemporalConvolutionNetwork.Parameters(64, 3, 4, 1.5)).hasMessageContaining("dropout");
    }
}
