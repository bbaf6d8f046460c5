package org.flowcast.model.neural;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finite-difference checks of every block the neural models build by hand, and of the fused LSTM they use. */
class GradientCheckTest {
    private static final double TOLERANCE = 1e-4;

    @Test
    void stationConvolutionBlockOfTwoLayers() {
        // The second layer's slicing carries the gradient back to the first layer's weights.
        double error = FiniteDifferences.maxRelativeError(new long[] {3, 7, 1}, (w, x) -> {
            var first = w.sd().nn().relu(Layers.convolveNeighbours(w, "conv1", x, 7, 1, 4, 3), 0);
            return w.sd().nn().relu(Layers.convolveNeighbours(w, "conv2", first, 7, 4, 5, 3), 0);
        });
        assertThat(error).isLessThan(TOLERANCE);
    }

    @Test
    void temporalAttentionOverLstmStates() {
        // As in the Conv-LSTM: the LSTM's weights are checked through both uses of its states (scores and
        // context) and through its last state (the query).
        double error = FiniteDifferences.maxRelativeError(new long[] {2, 5, 3}, (w, x) -> {
            Layers.LstmOutput lstm = Layers.lstm(w, "lstm", x, 5, 3, 4, false);
            Layers.Attention attention = Layers.temporalAttention(w, "attention", lstm.sequence(), lstm.last(), 5, 4);
            return w.sd().concat(1, attention.context(), attention.weights());
        });
        assertThat(error).isLessThan(TOLERANCE);
    }

    @Test
    void lstmAndItsLastState() {
        double error = FiniteDifferences.maxRelativeError(new long[] {2, 4, 3}, (w, x) -> {
            Layers.LstmOutput out = Layers.lstm(w, "lstm", Layers.denseTime(w, "in", x, 4, 3, 3), 4, 3, 5, false);
            return w.sd().concat(1, w.sd().reshape(out.sequence(), -1, 20), out.last());
        });
        assertThat(error).isLessThan(TOLERANCE);
    }

    @Test
    void bidirectionalLstmFinalStates() {
        double error = FiniteDifferences.maxRelativeError(new long[] {2, 4, 3},
                (w, x) -> Layers.lstm(w, "bilstm", x, 4, 3, 5, true).last());
        assertThat(error).isLessThan(TOLERANCE);
    }

    @Test
    void groupedLstmWithReversedInputs() {
        // The inputs come from a dense layer so that its weights check the gradient through the grouping.
        double error = FiniteDifferences.maxRelativeError(new long[] {2, 4, 3}, (w, x) -> {
            var projected = Layers.denseTime(w, "in", x, 4, 3, 3);
            return Layers.groupedLstmFinalStates(w, "grouped", new org.nd4j.autodiff.samediff.SDVariable[] {projected, projected, x},
                    new boolean[] {false, true, false}, 4, 3, 5);
        });
        assertThat(error).isLessThan(TOLERANCE);
    }

    @Test
    void handWrittenGruCell() {
        double error = FiniteDifferences.maxRelativeError(new long[] {2, 4, 3}, (w, x) -> {
            Layers.LstmOutput out = Layers.gru(w, "gru", Layers.denseTime(w, "in", x, 4, 3, 3), 4, 3, 5);
            return w.sd().concat(1, w.sd().reshape(out.sequence(), -1, 20), out.last());
        });
        assertThat(error).isLessThan(TOLERANCE);
    }

    @Test
    void transformerSelfAttentionAndItsWeights() {
        // recent [B, P, N + 8] with N = 2 stations, P = 3 steps, horizon 2
        double error = FiniteDifferences.maxRelativeError(new long[] {2, 3, 10}, (w, x) -> {
            GraphOutputs out = new TransformerEncoder(new TransformerEncoder.Parameters(4, 2, 1, 6))
                    .build(new GraphInputs(w.sd(), x, null, null, 2, 3, 2), w);
            return w.sd().concat(1, out.prediction(), out.attention());
        });
        assertThat(error).isLessThan(TOLERANCE);
    }

    @Test
    void temporalConvolutionBlocks() {
        double error = FiniteDifferences.maxRelativeError(new long[] {2, 5, 10}, (w, x) ->
                new TemporalConvolutionNetwork(new TemporalConvolutionNetwork.Parameters(3, 3, 2))
                        .build(new GraphInputs(w.sd(), x, null, null, 2, 5, 2), w).prediction());
        assertThat(error).isLessThan(TOLERANCE);
    }

    @Test
    void denseLayerOverTime() {
        double error = FiniteDifferences.maxRelativeError(new long[] {2, 3, 4}, (w, x) -> Layers.denseTime(w, "dense", x, 3, 4, 5));
        assertThat(error).isLessThan(TOLERANCE);
    }
}
