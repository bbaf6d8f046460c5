package org.flowcast.model.neural;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.flowcast.model.autodiff.Tensor;
import org.flowcast.model.autodiff.Weights;
import org.junit.jupiter.api.Test;

/** The TCN computes only the positions that reach its head, and forecasts what the whole network would. */
class TemporalConvolutionNetworkTest {

    @Test
    void receptiveFieldOfTheDefaultNetworkOverTwelveStepsKeepsThirtyFiveOfNinetySixPositions() {
        ReceptiveField field = ReceptiveField.of(12, new int[][] {{2, 1, 0}, {4, 2, 0}, {8, 4, 0}, {16, 8, 0}});

        assertThat(field.computed()).isEqualTo(35);
        assertThat(field.first()).containsExactly(IntStream.range(0, 12).toArray());
        assertThat(field.outputs()[3]).containsExactly(11);
        assertThat(field.middles()[3]).containsExactly(3, 11);
        assertThat(field.inputs()[1]).containsExactly(1, 3, 5, 7, 9, 11);
        assertThat(field.residual(2)).containsExactly(0, 2);
    }

    @Test
    void forecastEqualsTheWholeNetworkComputedAtEveryPosition() {
        PrunedPass pass = new PrunedPass(3, 12, 2, 2);
        TemporalConvolutionNetwork.Parameters p = new TemporalConvolutionNetwork.Parameters(8, 3, 4, 0.0);
        float[] pruned = new TemporalConvolutionNetwork(p).build(pass.inputs, pass.weights()).prediction().data();

        float[] whole = wholeNetwork(pass.weights(), pass.inputs.recent(), p, pass.inputs.features(), pass.inputs.outputs()).data();

        assertThat(PrunedPass.worstDifference(pruned, whole)).as("largest relative difference (float rounding only)").isLessThan(1e-5);
    }

    /** Bai et al.'s network as the class documents it, every convolution at every position, with the same weights. */
    private static Tensor wholeNetwork(Weights w, Tensor recent, TemporalConvolutionNetwork.Parameters p, int features, int outputs) {
        int c = p.channels();
        Tensor x = Layers.dense(w, "input", recent, features, c);
        for (int block = 0; block < p.blocks(); block++) {
            int d = 1 << block;
            int[] offsets = {2 * d, d, 0};
            Tensor y = Layers.layerNormRelu(w, "block" + block + "a_norm", Layers.convolve(w, "block" + block + "a", x, c, c, false,
                    offsets), c);
            y = Layers.layerNormRelu(w, "block" + block + "b_norm", Layers.convolve(w, "block" + block + "b", y, c, c, false, offsets), c);
            x = x.add(y);
        }
        return Layers.dense(w, "head", x.lastStep(), c, outputs);
    }
}
