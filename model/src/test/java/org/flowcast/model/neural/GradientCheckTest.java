package org.flowcast.model.neural;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowcast.model.autodiff.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of the blocks the models build, in the engine's float precision: they
 * check how the operations are wired together (each operation alone is checked in double precision
 * by {@code DoublePrecisionGradientTest}).
 */
class GradientCheckTest {
    // Measured worst errors (float engine, central differences): smooth blocks 1e-4 to 6e-4, blocks with
    // ReLUs 6e-3 to 1.2e-2 (a kink near the step); a wrong term shows as an error near 1.
    private static final double SMOOTH = 2e-3;
    private static final double PIECEWISE_LINEAR = 2e-2;

    @Test
    void stationConvolutionBlockOfTwoLayers() {
        double error = FiniteDifferences.maxRelativeError(new int[] {3, 7, 1}, (w, x) -> {
            Tensor first = Layers.convolveNeighboursRelu(w, "conv1", x, 1, 4, 3);
            return Layers.convolveNeighboursRelu(w, "conv2", first, 4, 5, 3);
        }, 1e-3f);
        assertThat(error).isLessThan(PIECEWISE_LINEAR);
    }

    @Test
    void temporalAttentionOverLstmStates() {
        // As in the Conv-LSTM: the LSTM's weights are checked through both uses of its states (scores and
        // context) and through its last state (the query); the weights themselves are part of the loss.
        double error = FiniteDifferences.maxRelativeError(new int[] {2, 5, 3}, (w, x) -> {
            Tensor states = Layers.lstm(w, "lstm", x, 3, 4);
            Layers.Attention attention = Layers.temporalAttention(w, "attention", states, 4);
            return Tensor.concatColumns(attention.context(), attention.weights());
        });
        assertThat(error).isLessThan(SMOOTH);
    }

    @Test
    void stackedLstmSequenceAndLastState() {
        double error = FiniteDifferences.maxRelativeError(new int[] {2, 4, 3}, (w, x) -> {
            Tensor first = Layers.lstm(w, "lstm0", Layers.dense(w, "in", x, 3, 3), 3, 5);
            Tensor second = Layers.lstm(w, "lstm1", first, 5, 4);
            return Tensor.concatColumns(second.reshape(2, 16), second.lastStep(), first.lastStep());
        });
        assertThat(error).isLessThan(SMOOTH);
    }

    @Test
    void bidirectionalLstmFinalStates() {
        double error = FiniteDifferences.maxRelativeError(new int[] {2, 4, 3},
                (w, x) -> Layers.bidirectionalFinalStates(w, "bilstm", x, 3, 5));
        assertThat(error).isLessThan(SMOOTH);
    }

    @Test
    void handWrittenGruLayers() {
        double error = FiniteDifferences.maxRelativeError(new int[] {2, 4, 3}, (w, x) -> {
            Tensor first = Layers.gru(w, "gru0", x, 3, 5);
            Tensor second = Layers.gru(w, "gru1", first, 5, 4);
            return Tensor.concatColumns(second.reshape(2, 16), first.lastStep());
        });
        assertThat(error).isLessThan(SMOOTH);
    }

    @Test
    void transformerSelfAttentionLayerNormAndItsWeights() {
        // recent [B, P, N + 8] with N = 2 stations, P = 3 steps, horizon 2
        double error = FiniteDifferences.maxRelativeError(new int[] {2, 3, 10}, (w, x) -> {
            GraphOutputs out = new TransformerEncoder(new TransformerEncoder.Parameters(4, 2, 1, 6))
                    .build(new GraphInputs(x, null, null, 2, 3, 2), w);
            return Tensor.concatColumns(out.prediction(), out.attention());
        });
        assertThat(error).isLessThan(SMOOTH);
    }

    @Test
    void temporalConvolutionBlocks() {
        // Three blocks over five steps: the third block's dilation 4 puts its first tap (8 steps back) outside the
        // window, which the convolution leaves out of its product.
        double error = FiniteDifferences.maxRelativeError(new int[] {2, 5, 10}, (w, x) ->
                new TemporalConvolutionNetwork(new TemporalConvolutionNetwork.Parameters(3, 3, 3, 0.0))
                        .build(new GraphInputs(x, null, null, 2, 5, 2), w).prediction(), 1e-3f);
        assertThat(error).isLessThan(PIECEWISE_LINEAR);
    }

    @Test
    void wholeConvLstmWithPeriodicBranches() {
        // recent [B, P, N + 8], daily and weekly [B, P + H, N] with N = 3, P = 3, H = 2: the periodic inputs are
        // made from the checked input so that their gradient paths are covered too.
        double error = FiniteDifferences.maxRelativeError(new int[] {2, 3, 11}, (w, x) -> {
            Tensor flows = x.columns(0, 3);
            Tensor periodic = Tensor.concatColumns(flows.reshape(2, 9), flows.reshape(2, 9).columns(0, 6)).reshape(2, 5, 3);
            AttentionConvLstm model = new AttentionConvLstm(new AttentionConvLstm.Parameters(2, 3, 4, 2, 3, 2, true, true, true, true));
            GraphOutputs out = model.build(new GraphInputs(x, periodic, periodic.reverseMiddle(), 3, 3, 2), w);
            return Tensor.concatColumns(out.prediction(), out.attention());
        });
        assertThat(error).isLessThan(PIECEWISE_LINEAR);
    }

    @Test
    void convLstmWithTheNeighboursInItsLinearSkip() {
        double error = FiniteDifferences.maxRelativeError(new int[] {2, 3, 11}, (w, x) -> {
            Tensor flows = x.columns(0, 3);
            Tensor periodic = Tensor.concatColumns(flows.reshape(2, 9), flows.reshape(2, 9).columns(0, 6)).reshape(2, 5, 3);
            AttentionConvLstm model = new AttentionConvLstm(new AttentionConvLstm.Parameters(2, 3, 4, 2, 3, 2, true, true, true, true,
                    true));
            GraphOutputs out = model.build(new GraphInputs(x, periodic, periodic.reverseMiddle(), 3, 3, 2), w);
            return Tensor.concatColumns(out.prediction(), out.attention());
        });
        assertThat(error).isLessThan(PIECEWISE_LINEAR);
    }
}
