package org.flowcast.model.neural;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;

/**
 * The graph blocks the models share, each a function from SameDiff variables to SameDiff variables.
 * Tensors are batch-first throughout (the dependency notes: backprop through slices of the leading
 * axis can fail).
 */
public final class Layers {
    private Layers() {
    }

    /** {@code x W + b} on the last axis of a rank-2 input [batch, in] → [batch, out]. */
    public static SDVariable dense(Weights w, String name, SDVariable x, long in, long out) {
        return x.mmul(w.matrix(name + "_W", in, out)).add(w.zeros(name + "_b", out));
    }

    /** {@code x W + b} on the last axis of a rank-3 input [batch, time, in] → [batch, time, out]. */
    public static SDVariable denseTime(Weights w, String name, SDVariable x, long steps, long in, long out) {
        SameDiff sd = w.sd();
        SDVariable flat = sd.reshape(x, -1, in);
        return sd.reshape(dense(w, name, flat, in, out), -1, steps, out);
    }

    /** The last {@code from..to} features of a rank-3 tensor. */
    public static SDVariable features(SDVariable x, long from, long to) {
        return x.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(from, to));
    }

    /** The output of an LSTM layer: the whole sequence and the final hidden state. */
    public record LstmOutput(SDVariable sequence, SDVariable last) {
    }

    /**
     * An LSTM over [batch, time, in] with ND4J's fused {@code lstmLayer} (its gradients pass a check;
     * its graphs cannot be saved with {@code SameDiff.save}, so model files hold weights only).
     * Bidirectional: the sequence concatenates both directions [batch, time, 2 hidden] and {@code last}
     * is [batch, 2 hidden], the final forward and backward states.
     */
    public static LstmOutput lstm(Weights w, String name, SDVariable x, long in, long hidden, boolean bidirectional) {
        SameDiff sd = w.sd();
        SDVariable input;
        SDVariable recurrent;
        SDVariable bias;
        if (bidirectional) {
            input = w.weight(name + "_Wx", in, 4 * hidden, 2, in, 4 * hidden);
            recurrent = w.weight(name + "_Wh", hidden, 4 * hidden, 2, hidden, 4 * hidden);
            bias = w.zeros(name + "_b", 2, 4 * hidden);
        } else {
            input = w.matrix(name + "_Wx", in, 4 * hidden);
            recurrent = w.matrix(name + "_Wh", hidden, 4 * hidden);
            bias = w.zeros(name + "_b", 4 * hidden);
        }
        LSTMLayerConfig config = LSTMLayerConfig.builder()
                .lstmdataformat(LSTMDataFormat.NTS)
                .directionMode(bidirectional ? LSTMDirectionMode.BIDIR_CONCAT : LSTMDirectionMode.FWD)
                .gateAct(LSTMActivations.SIGMOID).cellAct(LSTMActivations.TANH).outAct(LSTMActivations.TANH)
                .retFullSequence(true).retLastH(true).retLastC(false).build();
        SDVariable[] out = sd.rnn().lstmLayer(x, LSTMLayerWeights.builder().weights(input).rWeights(recurrent).bias(bias).build(), config);
        SDVariable last = out[1];
        if (bidirectional) {
            // [2, batch, hidden] -> [batch, 2 * hidden]
            last = sd.reshape(sd.permute(last, 1, 0, 2), -1, 2 * hidden);
        }
        return new LstmOutput(out[0], last);
    }

    /**
     * A 1-D convolution along the last axis of [batch, channels, width], zero-padded to keep the
     * width ("same"), or causal (left-padded) with a dilation.
     */
    public static SDVariable conv1d(Weights w, String name, SDVariable x, long channelsIn, long channelsOut, int kernel,
                                    int dilation, boolean causal) {
        SameDiff sd = w.sd();
        SDVariable kernelWeights = w.weight(name + "_W", channelsIn * kernel, channelsOut * kernel, kernel, channelsIn, channelsOut);
        return sd.cnn().conv1d(x, kernelWeights, w.zeros(name + "_b", channelsOut), Conv1DConfig.builder()
                .k(kernel).s(1).d(dilation).paddingMode(causal ? PaddingMode.CAUSAL : PaddingMode.SAME).dataFormat("NCW").build());
    }

    /**
     * A "same" 1-D convolution along the middle axis of a channels-last tensor [batch, width, channelsIn]
     * → [batch, width, channelsOut], written as one matrix product over the zero-padded neighbours.
     * ND4J's {@code conv1d} took 20 times longer for the same product (its backward pass dominated a
     * training step of the Conv-LSTM).
     */
    public static SDVariable convolveNeighbours(Weights w, String name, SDVariable x, long width, long channelsIn, long channelsOut,
                                                int kernel) {
        SameDiff sd = w.sd();
        int half = kernel / 2;
        SDVariable padded = sd.nn().pad(x, sd.constant(org.nd4j.linalg.factory.Nd4j.createFromArray(
                new int[][] {{0, 0}, {half, kernel - 1 - half}, {0, 0}})), 0.0);
        SDVariable[] shifted = new SDVariable[kernel];
        for (int k = 0; k < kernel; k++) {
            shifted[k] = padded.get(SDIndex.all(), SDIndex.interval((long) k, k + width), SDIndex.all());
        }
        SDVariable neighbours = sd.reshape(sd.concat(2, shifted), -1, kernel * channelsIn);      // [batch·width, k·Cin]
        SDVariable out = dense(w, name, neighbours, kernel * channelsIn, channelsOut);
        return sd.reshape(out, -1, width, channelsOut);
    }

    /** Output of temporal attention: the context vector [batch, hidden] and the weights [batch, steps]. */
    public record Attention(SDVariable context, SDVariable weights) {
    }

    /**
     * Temporal attention over hidden states [batch, steps, hidden], scored against the last state:
     * {@code a = softmax_i(h_i . W h_last)}, {@code context = sum_i a_i h_i}.
     */
    public static Attention temporalAttention(Weights w, String name, SDVariable states, SDVariable last, long steps, long hidden) {
        SameDiff sd = w.sd();
        SDVariable query = last.mmul(w.matrix(name + "_W", hidden, hidden));               // [batch, hidden]
        SDVariable scores = sd.mmul(states, sd.reshape(query, -1, hidden, 1));            // [batch, steps, 1]
        SDVariable weights = sd.nn().softmax(sd.reshape(scores, -1, steps), 1);           // [batch, steps]
        SDVariable context = states.mul(sd.reshape(weights, -1, steps, 1)).sum(1);        // [batch, hidden]
        return new Attention(context, weights);
    }
}
