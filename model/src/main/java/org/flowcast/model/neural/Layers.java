package org.flowcast.model.neural;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowcast.model.autodiff.AttentionOps;
import org.flowcast.model.autodiff.Convolution;
import org.flowcast.model.autodiff.ConvolutionStack;
import org.flowcast.model.autodiff.Linear;
import org.flowcast.model.autodiff.Normalisation;
import org.flowcast.model.autodiff.PositionedConvolution;
import org.flowcast.model.autodiff.Recurrent;
import org.flowcast.model.autodiff.Tensor;
import org.flowcast.model.autodiff.Weights;

/**
 * The blocks the models share, each a function from tensors to tensors that names its parameters.
 * Tensors are batch-first and channels-last: [batch, time, features].
 */
public final class Layers {
    private Layers() {
    }

    /** {@code x W + b} on the last axis: [.., in] → [.., out]. */
    public static Tensor dense(Weights w, String name, Tensor x, int in, int out) {
        return x.dense(w.matrix(name + "_W", in, out), w.zeros(name + "_b", out));
    }

    /** {@code max(x W + b, 0)} on the last axis: [.., in] → [.., out]. */
    public static Tensor denseRelu(Weights w, String name, Tensor x, int in, int out) {
        return Linear.apply(x, w.matrix(name + "_W", in, out), w.zeros(name + "_b", out), true);
    }

    /** An LSTM layer over [batch, time, in] → states [batch, time, hidden]; forget-gate bias starts at 1. */
    public static Tensor lstm(Weights w, String name, Tensor x, int in, int hidden) {
        // Forget-gate bias 1, so that early training keeps the cell state (Jozefowicz et al. 2015).
        float[] bias = new float[4 * hidden];
        Arrays.fill(bias, hidden, 2 * hidden, 1f);
        Tensor projected = x.dense(w.matrix(name + "_Wx", in, 4 * hidden), w.vector(name + "_b", bias));
        return Recurrent.lstm(projected, w.matrix(name + "_Wh", hidden, 4 * hidden));
    }

    /**
     * The final states of an LSTM read forwards and of one read backwards over [batch, time, in]:
     * [batch, 2 hidden], forward first.
     */
    public static Tensor bidirectionalFinalStates(Weights w, String name, Tensor x, int in, int hidden) {
        Tensor forward = lstm(w, name + "_fwd", x, in, hidden).lastStep();
        Tensor backward = lstm(w, name + "_back", x.reverseMiddle(), in, hidden).lastStep();
        return Tensor.concatColumns(forward, backward);
    }

    /**
     * A GRU layer over [batch, time, in] → states [batch, time, hidden]. Weights and biases start from
     * U(−1/√hidden, 1/√hidden), as in Cho et al.'s reference implementations and PyTorch.
     */
    public static Tensor gru(Weights w, String name, Tensor x, int in, int hidden) {
        double bound = 1 / Math.sqrt(hidden);
        Tensor projected = x.dense(w.uniform(name + "_Wx", bound, in, 3 * hidden), w.uniform(name + "_bx", bound, 3 * hidden));
        return Recurrent.gru(projected, w.uniform(name + "_Wh", bound, hidden, 3 * hidden), w.uniform(name + "_bh", bound, 3 * hidden));
    }

    /** Layer normalisation over the last axis, with gain and bias. */
    public static Tensor layerNorm(Weights w, String name, Tensor x, int features) {
        return Normalisation.layerNorm(x, w.ones(name + "_gain", features), w.zeros(name + "_bias", features));
    }

    /** Layer normalisation followed by a ReLU. */
    public static Tensor layerNormRelu(Weights w, String name, Tensor x, int features) {
        return Normalisation.layerNorm(x, w.ones(name + "_gain", features), w.zeros(name + "_bias", features), true);
    }

    /**
     * A 1-D convolution along the middle axis of a channels-last tensor [batch, width, channelsIn] →
     * [batch, width, channelsOut], with kernel [taps · channelsIn, channelsOut] and an optional ReLU.
     * Tap {@code j} reads position {@code l − offsets[j]}: "same" padding uses offsets 1, 0, −1, a
     * causal kernel with dilation d uses 2d, d, 0.
     */
    public static Tensor convolve(Weights w, String name, Tensor x, int channelsIn, int channelsOut, boolean relu, int... offsets) {
        return Convolution.convolve(x, w.matrix(name + "_W", offsets.length * channelsIn, channelsOut), w.zeros(name + "_b", channelsOut),
                offsets, relu);
    }

    /**
     * {@link #convolve}'s layer (the same parameters) computed only at {@code outputPositions}, from {@code x}
     * [batch, positions, channelsIn] holding the sequence at {@code inputPositions} ({@link PositionedConvolution}).
     */
    public static Tensor convolveAt(Weights w, String name, Tensor x, int[] inputPositions, int channelsIn, int channelsOut,
                                    int[] outputPositions, int... offsets) {
        return PositionedConvolution.convolve(x, inputPositions, w.matrix(name + "_W", offsets.length * channelsIn, channelsOut),
                w.zeros(name + "_b", channelsOut), offsets, outputPositions, false);
    }

    /** A "same" convolution of odd width {@code kernel} across neighbouring positions, followed by a ReLU. */
    public static Tensor convolveNeighboursRelu(Weights w, String name, Tensor x, int channelsIn, int channelsOut, int kernel) {
        return convolve(w, name, x, channelsIn, channelsOut, true, neighbourOffsets(kernel));
    }

    /**
     * {@link #convolveNeighboursRelu} layers named {@code conv1}, {@code conv2}, … with the given filters
     * over [batch, width, 1], then {@link #denseRelu} named {@code projectionName} on each flattened result:
     * [batch, out]. The same parameters and result as composing those layers, computed as one cache-blocked
     * operation ({@link ConvolutionStack}).
     */
    public static Tensor convolveNeighboursThenProject(Weights w, Tensor x, int[] filters, int kernel, String projectionName, int out) {
        List<Tensor> kernels = new ArrayList<>();
        List<Tensor> biases = new ArrayList<>();
        int channels = x.dim(2);
        for (int i = 0; i < filters.length; i++) {
            kernels.add(w.matrix("conv" + (i + 1) + "_W", kernel * channels, filters[i]));
            biases.add(w.zeros("conv" + (i + 1) + "_b", filters[i]));
            channels = filters[i];
        }
        int flat = x.dim(1) * channels;
        return ConvolutionStack.apply(x, kernels, biases, neighbourOffsets(kernel), w.matrix(projectionName + "_W", flat, out),
                w.zeros(projectionName + "_b", out));
    }

    private static int[] neighbourOffsets(int kernel) {
        int[] offsets = new int[kernel];
        for (int j = 0; j < kernel; j++) {
            offsets[j] = kernel / 2 - j;
        }
        return offsets;
    }

    /** Output of temporal attention: the context vector [batch, hidden] and the weights [batch, steps]. */
    public record Attention(Tensor context, Tensor weights) {
    }

    /**
     * Temporal attention over hidden states [batch, steps, hidden], scored against the last state:
     * {@code a = softmax_i(h_i · W h_last)}, {@code context = Σ_i a_i h_i}.
     */
    public static Attention temporalAttention(Weights w, String name, Tensor states, int hidden) {
        Tensor query = states.lastStep().matmul(w.matrix(name + "_W", hidden, hidden));
        Tensor weights = AttentionOps.softmax(AttentionOps.scores(states, query));
        return new Attention(AttentionOps.weightedSum(states, weights), weights);
    }
}
