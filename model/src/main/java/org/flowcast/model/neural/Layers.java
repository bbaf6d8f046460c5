package org.flowcast.model.neural;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

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
     * An LSTM over [batch, time, in], built from matrix products and gates (input, forget, cell,
     * output). ND4J's fused {@code lstmLayer} computes correct gradients but its backward pass leaks
     * native memory (2-4 MB a call here, gigabytes over a training run), and its graphs cannot be saved.
     * Bidirectional: a second LSTM reads the sequence backwards; the sequence concatenates both
     * directions [batch, time, 2 hidden] and {@code last} is [batch, 2 hidden], the final forward and
     * backward states.
     */
    public static LstmOutput lstm(Weights w, String name, SDVariable x, int steps, long in, long hidden, boolean bidirectional) {
        LstmOutput forward = lstmDirection(w, name, x, steps, in, hidden, false);
        if (!bidirectional) {
            return forward;
        }
        LstmOutput backward = lstmDirection(w, name + "_back", x, steps, in, hidden, true);
        SameDiff sd = w.sd();
        return new LstmOutput(sd.concat(2, forward.sequence(), backward.sequence()), sd.concat(1, forward.last(), backward.last()));
    }

    /**
     * Several independent LSTMs with weights of their own, run as one: the inputs [batch, time, in] are
     * stacked into a group axis and every step is one batched product, so that the graph has a quarter
     * of the operations of four separate LSTMs (SameDiff's cost is per operation at these sizes). An
     * input marked reversed is read from its last step to its first. Returns the final states
     * [batch, groups · hidden], in the order of the inputs.
     */
    public static SDVariable groupedLstmFinalStates(Weights w, String name, SDVariable[] inputs, boolean[] reversed, int steps,
                                                    long in, long hidden) {
        SameDiff sd = w.sd();
        int groups = inputs.length;
        SDVariable[] ordered = new SDVariable[groups];
        for (int g = 0; g < groups; g++) {
            ordered[g] = reversed[g] ? sd.reverse(inputs[g], 1) : inputs[g];
        }
        SDVariable stacked = sd.reshape(sd.stack(0, ordered), groups, -1, in);                          // [G, B·T, in]
        SDVariable inputWeights = w.weight(name + "_Wx", in, 4 * hidden, groups, in, 4 * hidden);
        SDVariable recurrentWeights = w.weight(name + "_Wh", hidden, 4 * hidden, groups, hidden, 4 * hidden);
        float[] bias = new float[(int) (groups * 4 * hidden)];
        for (int g = 0; g < groups; g++) {
            java.util.Arrays.fill(bias, (int) (g * 4 * hidden + hidden), (int) (g * 4 * hidden + 2 * hidden), 1f);
        }
        SDVariable b = sd.var(name + "_b", org.nd4j.linalg.factory.Nd4j.createFromArray(bias).reshape(groups, 1, 4 * hidden).castTo(w.type()));
        SDVariable projected = sd.reshape(sd.mmul(stacked, inputWeights).add(b), groups, -1, steps, 4 * hidden);   // [G, B, T, 4H]
        SDVariable h = null;
        SDVariable c = null;
        for (int t = 0; t < steps; t++) {
            SDVariable gates = sd.reshape(projected.get(SDIndex.all(), SDIndex.all(), SDIndex.interval((long) t, t + 1L), SDIndex.all()),
                    groups, -1, 4 * hidden);                                                               // [G, B, 4H]
            if (h != null) {
                gates = gates.add(sd.mmul(h, recurrentWeights));
            }
            SDVariable activated = sd.nn().sigmoid(gates);
            SDVariable input = activated.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0L, hidden));
            SDVariable output = activated.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(3 * hidden, 4 * hidden));
            SDVariable candidate = sd.math().tanh(gates.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(2 * hidden, 3 * hidden)));
            if (c == null) {
                c = input.mul(candidate);
            } else {
                SDVariable forget = activated.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(hidden, 2 * hidden));
                c = forget.mul(c).add(input.mul(candidate));
            }
            h = output.mul(sd.math().tanh(c));
        }
        return sd.reshape(sd.permute(h, 1, 0, 2), -1, groups * hidden);
    }

    /**
     * A GRU over [batch, time, in] written out from its gates (Cho et al. 2014):
     * {@code r = σ(x W_r + h U_r + b_r)}, {@code z = σ(x W_z + h U_z + b_z)},
     * {@code n = tanh(x W_n + b_n + r ⊙ (h U_n + b_hn))}, {@code h' = (1 − z) ⊙ n + z ⊙ h}.
     * ND4J's fused {@code gru} computes wrong gradients in M2.1 (see the dependency notes).
     */
    public static LstmOutput gru(Weights w, String name, SDVariable x, int steps, long in, long hidden) {
        SameDiff sd = w.sd();
        SDVariable inputWeights = w.matrix(name + "_Wx", in, 3 * hidden);
        SDVariable recurrentWeights = w.matrix(name + "_Wh", hidden, 3 * hidden);
        SDVariable inputBias = w.zeros(name + "_bx", 3 * hidden);
        SDVariable recurrentBias = w.zeros(name + "_bh", 3 * hidden);
        SDVariable projected = sd.reshape(sd.reshape(x, -1, in).mmul(inputWeights).add(inputBias), -1, steps, 3 * hidden);
        SDVariable h = null;
        SDVariable[] states = new SDVariable[steps];
        for (int t = 0; t < steps; t++) {
            SDVariable xt = sd.reshape(projected.get(SDIndex.all(), SDIndex.interval((long) t, t + 1L), SDIndex.all()), -1, 3 * hidden);
            SDVariable xr = xt.get(SDIndex.all(), SDIndex.interval(0L, hidden));
            SDVariable xz = xt.get(SDIndex.all(), SDIndex.interval(hidden, 2 * hidden));
            SDVariable xn = xt.get(SDIndex.all(), SDIndex.interval(2 * hidden, 3 * hidden));
            if (h == null) {
                // h_0 = 0: the recurrent terms reduce to their biases.
                SDVariable hr = recurrentBias.get(SDIndex.interval(0L, hidden));
                SDVariable hz = recurrentBias.get(SDIndex.interval(hidden, 2 * hidden));
                SDVariable hn = recurrentBias.get(SDIndex.interval(2 * hidden, 3 * hidden));
                SDVariable r = sd.nn().sigmoid(xr.add(hr));
                SDVariable z = sd.nn().sigmoid(xz.add(hz));
                SDVariable n = sd.math().tanh(xn.add(r.mul(hn)));
                h = n.sub(z.mul(n));
            } else {
                SDVariable recurrent = h.mmul(recurrentWeights).add(recurrentBias);
                SDVariable r = sd.nn().sigmoid(xr.add(recurrent.get(SDIndex.all(), SDIndex.interval(0L, hidden))));
                SDVariable z = sd.nn().sigmoid(xz.add(recurrent.get(SDIndex.all(), SDIndex.interval(hidden, 2 * hidden))));
                SDVariable n = sd.math().tanh(xn.add(r.mul(recurrent.get(SDIndex.all(), SDIndex.interval(2 * hidden, 3 * hidden)))));
                h = n.add(z.mul(h.sub(n)));
            }
            states[t] = sd.reshape(h, -1, 1, hidden);
        }
        return new LstmOutput(sd.concat(1, states), h);
    }

    /** The last time step of [batch, time, features] as [batch, features]. */
    public static SDVariable lastStep(SameDiff sd, SDVariable x, long steps, long features) {
        return sd.reshape(x.get(SDIndex.all(), SDIndex.interval(steps - 1, steps), SDIndex.all()), -1, features);
    }

    /** Layer normalisation over the last axis of [rows, features] or [batch, time, features], with gain and bias. */
    public static SDVariable layerNorm(Weights w, String name, SDVariable x, long features, int lastAxis) {
        return w.sd().nn().layerNorm(x, w.ones(name + "_gain", features), w.zeros(name + "_bias", features), false, lastAxis);
    }

    private static LstmOutput lstmDirection(Weights w, String name, SDVariable x, int steps, long in, long hidden, boolean reverse) {
        SameDiff sd = w.sd();
        SDVariable inputWeights = w.matrix(name + "_Wx", in, 4 * hidden);
        SDVariable recurrentWeights = w.matrix(name + "_Wh", hidden, 4 * hidden);
        // Forget-gate bias 1, so that early training keeps the cell state (Jozefowicz et al. 2015).
        float[] bias = new float[(int) (4 * hidden)];
        java.util.Arrays.fill(bias, (int) hidden, (int) (2 * hidden), 1f);
        SDVariable b = sd.var(name + "_b", org.nd4j.linalg.factory.Nd4j.createFromArray(bias).castTo(w.type()));
        SDVariable projected = sd.reshape(sd.reshape(x, -1, in).mmul(inputWeights).add(b), -1, steps, 4 * hidden);
        SDVariable h = null;
        SDVariable c = null;
        SDVariable[] states = new SDVariable[steps];
        for (int k = 0; k < steps; k++) {
            int t = reverse ? steps - 1 - k : k;
            SDVariable gates = sd.reshape(projected.get(SDIndex.all(), SDIndex.interval((long) t, t + 1L), SDIndex.all()), -1, 4 * hidden);
            if (h != null) {
                gates = gates.add(h.mmul(recurrentWeights));
            }
            SDVariable input = sd.nn().sigmoid(gates.get(SDIndex.all(), SDIndex.interval(0L, hidden)));
            SDVariable candidate = sd.math().tanh(gates.get(SDIndex.all(), SDIndex.interval(2 * hidden, 3 * hidden)));
            SDVariable output = sd.nn().sigmoid(gates.get(SDIndex.all(), SDIndex.interval(3 * hidden, 4 * hidden)));
            if (c == null) {
                c = input.mul(candidate);
            } else {
                SDVariable forget = sd.nn().sigmoid(gates.get(SDIndex.all(), SDIndex.interval(hidden, 2 * hidden)));
                c = forget.mul(c).add(input.mul(candidate));
            }
            h = output.mul(sd.math().tanh(c));
            states[t] = sd.reshape(h, -1, 1, hidden);
        }
        return new LstmOutput(sd.concat(1, states), h);
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
