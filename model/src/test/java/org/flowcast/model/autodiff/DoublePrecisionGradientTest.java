package org.flowcast.model.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every operation with a hand-written backward pass, checked in double precision against its formula
 * written out in double here (see {@link DoublePrecisionCheck}). The whole-block checks in float
 * ({@code GradientCheckTest}) then cover how the models wire these operations together.
 */
class DoublePrecisionGradientTest {
    // Measured worst errors: forward 4e-9 to 7e-8 (float rounding), gradient 2e-8 to 9e-6 (float sums in the
    // backward passes). A wrong term shows as a gradient error near 1 (an LSTM output gate without its
    // sigmoid derivative measured 1.0).
    private static final double FORWARD = 1e-6;
    private static final double GRADIENT = 1e-4;

    private static void assertAccurate(DoublePrecisionCheck.Errors errors) {
        assertThat(errors.elements()).isPositive();
        assertThat(errors.forward()).as("forward pass against the reference").isLessThan(FORWARD);
        assertThat(errors.gradient()).as("backward pass against central differences").isLessThan(GRADIENT);
    }

    @Test
    void lstmOverASequence() {
        int b = 2;
        int steps = 4;
        int h = 3;
        assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {b, steps, 4 * h}, new int[] {h, 4 * h}),
                in -> Recurrent.lstm(in.get(0), in.get(1)), in -> {
                    double[] p = in.get(0);
                    double[] w = in.get(1);
                    double[] out = new double[b * steps * h];
                    for (int i = 0; i < b; i++) {
                        double[] hidden = new double[h];
                        double[] cell = new double[h];
                        for (int t = 0; t < steps; t++) {
                            double[] gates = new double[4 * h];
                            for (int g = 0; g < 4 * h; g++) {
                                gates[g] = p[(i * steps + t) * 4 * h + g];
                                for (int k = 0; k < h; k++) {
                                    gates[g] += hidden[k] * w[k * 4 * h + g];
                                }
                            }
                            for (int j = 0; j < h; j++) {
                                double input = DoublePrecisionCheck.sigmoid(gates[j]);
                                double forget = DoublePrecisionCheck.sigmoid(gates[h + j]);
                                double candidate = Math.tanh(gates[2 * h + j]);
                                double output = DoublePrecisionCheck.sigmoid(gates[3 * h + j]);
                                cell[j] = forget * cell[j] + input * candidate;
                                hidden[j] = output * Math.tanh(cell[j]);
                                out[(i * steps + t) * h + j] = hidden[j];
                            }
                        }
                    }
                    return out;
                }));
    }

    @Test
    void gruOverASequence() {
        int b = 2;
        int steps = 4;
        int h = 3;
        assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {b, steps, 3 * h}, new int[] {h, 3 * h}, new int[] {3 * h}),
                in -> Recurrent.gru(in.get(0), in.get(1), in.get(2)), in -> {
                    double[] p = in.get(0);
                    double[] w = in.get(1);
                    double[] bias = in.get(2);
                    double[] out = new double[b * steps * h];
                    for (int i = 0; i < b; i++) {
                        double[] hidden = new double[h];
                        for (int t = 0; t < steps; t++) {
                            double[] recurrent = new double[3 * h];
                            for (int g = 0; g < 3 * h; g++) {
                                recurrent[g] = bias[g];
                                for (int k = 0; k < h; k++) {
                                    recurrent[g] += hidden[k] * w[k * 3 * h + g];
                                }
                            }
                            double[] next = new double[h];
                            int x = (i * steps + t) * 3 * h;
                            for (int j = 0; j < h; j++) {
                                double reset = DoublePrecisionCheck.sigmoid(p[x + j] + recurrent[j]);
                                double update = DoublePrecisionCheck.sigmoid(p[x + h + j] + recurrent[h + j]);
                                double candidate = Math.tanh(p[x + 2 * h + j] + reset * recurrent[2 * h + j]);
                                next[j] = (1 - update) * candidate + update * hidden[j];
                                out[(i * steps + t) * h + j] = next[j];
                            }
                            hidden = next;
                        }
                    }
                    return out;
                }));
    }

    @Test
    void convolutionAcrossNeighboursWithRelu() {
        assertConvolution(new int[] {1, 0, -1}, true);
    }

    @Test
    void dilatedCausalConvolutionWithATapBeyondTheWindow() {
        // offsets 8, 4, 0 over 5 positions: the first tap never reads inside the window and is left out
        assertConvolution(new int[] {8, 4, 0}, false);
        assertConvolution(new int[] {4, 2, 0}, false);
    }

    private static void assertConvolution(int[] offsets, boolean relu) {
        int a = 2;
        int len = 5;
        int cin = 2;
        int cout = 3;
        int k = offsets.length;
        assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {a, len, cin}, new int[] {k * cin, cout}, new int[] {cout}),
                in -> Convolution.convolve(in.get(0), in.get(1), in.get(2), offsets, relu),
                in -> convolveReference(in.get(0), a, len, cin, in.get(1), in.get(2), cout, offsets, relu)));
    }

    @Test
    void convolutionAtChosenPositionsOnly() {
        // outputs at 5 and 7 with dilation 2 read positions 1, 3, 5, 7; position 6 is held but never read (zero gradient)
        assertPositionedConvolution(new int[] {1, 3, 5, 6, 7}, new int[] {5, 7}, new int[] {4, 2, 0});
        // dilation 4: the tap 8 back reads before the sequence at every output and is left out; 3 − 4 reads zero
        assertPositionedConvolution(new int[] {3, 7}, new int[] {3, 7}, new int[] {8, 4, 0});
    }

    private static void assertPositionedConvolution(int[] inputs, int[] outputs, int[] offsets) {
        int a = 2;
        int cin = 2;
        int cout = 3;
        int k = offsets.length;
        int lin = inputs.length;
        int lout = outputs.length;
        assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {a, lin, cin}, new int[] {k * cin, cout}, new int[] {cout}),
                in -> PositionedConvolution.convolve(in.get(0), inputs, in.get(1), in.get(2), offsets, outputs, false), in -> {
                    double[] x = in.get(0);
                    double[] kernel = in.get(1);
                    double[] y = new double[a * lout * cout];
                    for (int i = 0; i < a; i++) {
                        for (int q = 0; q < lout; q++) {
                            for (int o = 0; o < cout; o++) {
                                double sum = in.get(2)[o];
                                for (int j = 0; j < k; j++) {
                                    int row = Arrays.binarySearch(inputs, outputs[q] - offsets[j]);
                                    for (int c = 0; row >= 0 && c < cin; c++) {
                                        sum += x[(i * lin + row) * cin + c] * kernel[(j * cin + c) * cout + o];
                                    }
                                }
                                y[(i * lout + q) * cout + o] = sum;
                            }
                        }
                    }
                    return y;
                }));
    }

    @Test
    void embeddingRowsChosenByIndexWithARowReadTwice() {
        int vocabulary = 5;
        int e = 3;
        int[] indices = {2, 0, 2, 4};
        assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {vocabulary, e}), in -> Embedding.lookup(in.get(0), indices), in -> {
            double[] y = new double[indices.length * e];
            for (int r = 0; r < indices.length; r++) {
                System.arraycopy(in.get(0), indices[r] * e, y, r * e, e);
            }
            return y;
        }));
    }

    @Test
    void stepsChosenByIndex() {
        int b = 2;
        int steps = 5;
        int f = 3;
        int[] chosen = {1, 4};
        assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {b, steps, f}), in -> Steps.select(in.get(0), chosen), in -> {
            double[] y = new double[b * chosen.length * f];
            for (int i = 0; i < b; i++) {
                for (int s = 0; s < chosen.length; s++) {
                    System.arraycopy(in.get(0), (i * steps + chosen[s]) * f, y, (i * chosen.length + s) * f, f);
                }
            }
            return y;
        }));
    }

    @Test
    void convolutionStackInBlocksOfSequencesWithItsProjection() {
        // Five sequences in blocks of two (the last alone) and in one block: the backward pass recomputes each
        // block's activations, and the input's gradient is scattered block by block.
        int a = 5;
        int len = 4;
        int[] channels = {2, 3, 2};
        int out = 3;
        int[] offsets = {1, 0, -1};
        int flat = len * channels[2];
        // blocks of two in projection chunks of three (blocks [0, 2), [2, 3), [3, 5)), then one block and one chunk
        for (int[] sizes : new int[][] {{2, 3}, {a, a}}) {
            int block = sizes[0];
            int chunk = sizes[1];
            assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {a, len, channels[0]}, new int[] {3 * channels[0], channels[1]},
                    new int[] {channels[1]}, new int[] {3 * channels[1], channels[2]}, new int[] {channels[2]}, new int[] {flat, out},
                    new int[] {out}), in -> ConvolutionStack.apply(in.get(0), List.of(in.get(1), in.get(3)), List.of(in.get(2), in.get(4)),
                    offsets, in.get(5), in.get(6), block, chunk), in -> {
                        double[] first = convolveReference(in.get(0), a, len, channels[0], in.get(1), in.get(2), channels[1], offsets,
                                true);
                        double[] second = convolveReference(first, a, len, channels[1], in.get(3), in.get(4), channels[2], offsets, true);
                        return denseReluReference(second, a, flat, in.get(5), in.get(6), out);
                    }));
        }
    }

    /** {@code max(x [rows, in] · w [in, out] + bias, 0)} in double. */
    private static double[] denseReluReference(double[] x, int rows, int in, double[] w, double[] bias, int out) {
        double[] y = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double sum = bias[o];
                for (int c = 0; c < in; c++) {
                    sum += x[r * in + c] * w[c * out + o];
                }
                y[r * out + o] = Math.max(sum, 0);
            }
        }
        return y;
    }

    /** A convolution over [a, len, cin] in double, as {@link Convolution} documents it. */
    private static double[] convolveReference(double[] x, int a, int len, int cin, double[] kernel, double[] bias, int cout, int[] offsets,
                                              boolean relu) {
        double[] y = new double[a * len * cout];
        for (int i = 0; i < a; i++) {
            for (int l = 0; l < len; l++) {
                for (int o = 0; o < cout; o++) {
                    double sum = bias[o];
                    for (int j = 0; j < offsets.length; j++) {
                        int source = l - offsets[j];
                        for (int c = 0; source >= 0 && source < len && c < cin; c++) {
                            sum += x[(i * len + source) * cin + c] * kernel[(j * cin + c) * cout + o];
                        }
                    }
                    y[(i * len + l) * cout + o] = relu ? Math.max(sum, 0) : sum;
                }
            }
        }
        return y;
    }

    @Test
    void temporalAttentionScoresSoftmaxAndWeightedSum() {
        int b = 2;
        int steps = 4;
        int h = 3;
        assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {b, steps, h}, new int[] {b, h}), in -> {
            Tensor weights = AttentionOps.softmax(AttentionOps.scores(in.get(0), in.get(1)));
            return Tensor.concatColumns(AttentionOps.weightedSum(in.get(0), weights), weights);
        }, in -> {
            double[] states = in.get(0);
            double[] query = in.get(1);
            double[] out = new double[b * (h + steps)];
            for (int i = 0; i < b; i++) {
                double[] scores = new double[steps];
                for (int t = 0; t < steps; t++) {
                    for (int j = 0; j < h; j++) {
                        scores[t] += states[(i * steps + t) * h + j] * query[i * h + j];
                    }
                }
                double[] weights = softmax(scores);
                for (int t = 0; t < steps; t++) {
                    for (int j = 0; j < h; j++) {
                        out[i * (h + steps) + j] += weights[t] * states[(i * steps + t) * h + j];
                    }
                    out[i * (h + steps) + h + t] = weights[t];
                }
            }
            return out;
        }));
    }

    @Test
    void multiHeadScoresSoftmaxMixingAndTheLastQueryMap() {
        assertMultiHeadAttention(3, 3);
    }

    @Test
    void multiHeadAttentionOfFewerQueriesThanKeys() {
        // the Transformer's last layer asks with its last step only
        assertMultiHeadAttention(1, 3);
        assertMultiHeadAttention(2, 4);
    }

    private static void assertMultiHeadAttention(int queries, int steps) {
        int b = 2;
        int d = 4;
        int heads = 2;
        int size = d / heads;
        float scale = (float) (1 / Math.sqrt(size));
        int[] shape = {b, steps, d};
        assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {b, queries, d}, shape, shape), in -> {
            Tensor weights = AttentionOps.softmax(AttentionOps.headScores(in.get(0), in.get(1), heads, scale));
            Tensor mixed = AttentionOps.headMix(weights, in.get(2));
            return Tensor.concatColumns(mixed.reshape(b, queries * d), AttentionOps.lastQueryMeanOverHeads(weights));
        }, in -> {
            double[] q = in.get(0);
            double[] k = in.get(1);
            double[] v = in.get(2);
            int width = queries * d + steps;
            double[] out = new double[b * width];
            for (int i = 0; i < b; i++) {
                for (int head = 0; head < heads; head++) {
                    for (int s = 0; s < queries; s++) {
                        double[] scores = new double[steps];
                        for (int t = 0; t < steps; t++) {
                            for (int c = head * size; c < (head + 1) * size; c++) {
                                scores[t] += scale * q[(i * queries + s) * d + c] * k[(i * steps + t) * d + c];
                            }
                        }
                        double[] weights = softmax(scores);
                        for (int t = 0; t < steps; t++) {
                            for (int c = head * size; c < (head + 1) * size; c++) {
                                out[i * width + s * d + c] += weights[t] * v[(i * steps + t) * d + c];
                            }
                            if (s == queries - 1) {
                                out[i * width + queries * d + t] += weights[t] / heads;
                            }
                        }
                    }
                }
            }
            return out;
        }));
    }

    @Test
    void layerNormalisationWithAndWithoutRelu() {
        for (boolean relu : new boolean[] {false, true}) {
            int rows = 3;
            int n = 5;
            assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {rows, n}, new int[] {n}, new int[] {n}),
                    in -> Normalisation.layerNorm(in.get(0), in.get(1), in.get(2), relu), in -> {
                        double[] x = in.get(0);
                        double[] gain = in.get(1);
                        double[] bias = in.get(2);
                        double[] y = new double[rows * n];
                        for (int r = 0; r < rows; r++) {
                            double mean = 0;
                            for (int j = 0; j < n; j++) {
                                mean += x[r * n + j] / n;
                            }
                            double variance = 0;
                            for (int j = 0; j < n; j++) {
                                variance += (x[r * n + j] - mean) * (x[r * n + j] - mean) / n;
                            }
                            for (int j = 0; j < n; j++) {
                                double value = gain[j] * (x[r * n + j] - mean) / Math.sqrt(variance + 1e-5) + bias[j];
                                y[r * n + j] = relu ? Math.max(value, 0) : value;
                            }
                        }
                        return y;
                    }));
        }
    }

    @Test
    void swappingTheLastTwoAxesMovesEachValueAndItsGradient() {
        // Squared after the swap, so that a gradient sent back to the wrong position shows.
        int a = 2;
        int len = 3;
        int c = 4;
        assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {a, len, c}), t -> {
            Tensor swapped = t.get(0).swapLastTwo();
            return swapped.mul(swapped).add(swapped);
        }, t -> {
            double[] x = t.get(0);
            double[] result = new double[a * c * len];
            for (int i = 0; i < a; i++) {
                for (int l = 0; l < len; l++) {
                    for (int j = 0; j < c; j++) {
                        double v = x[(i * len + l) * c + j];
                        result[(i * c + j) * len + l] = v * v + v;
                    }
                }
            }
            return result;
        }));
    }

    @Test
    void denseLayerElementwiseActivationsAndSequenceViews() {
        // The tape's small operations, composed as the models use them.
        int b = 2;
        int steps = 3;
        int in = 2;
        int out = 3;
        assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {b, steps, in}, new int[] {in, out}, new int[] {out}), t -> {
            Tensor y = t.get(0).dense(t.get(1), t.get(2));
            Tensor gated = y.sigmoid().mul(y.tanh()).add(y.relu());
            return Tensor.concatColumns(gated.reverseMiddle().lastStep(), gated.step(1).columns(1, 3));
        }, t -> {
            double[] x = t.get(0);
            double[] w = t.get(1);
            double[] bias = t.get(2);
            double[] result = new double[b * (out + 2)];
            for (int i = 0; i < b; i++) {
                for (int s : new int[] {0, 1}) {
                    for (int o = 0; o < out; o++) {
                        double y = bias[o];
                        for (int c = 0; c < in; c++) {
                            y += x[(i * steps + s) * in + c] * w[c * out + o];
                        }
                        double gated = DoublePrecisionCheck.sigmoid(y) * Math.tanh(y) + Math.max(y, 0);
                        if (s == 0) {
                            result[i * (out + 2) + o] = gated;    // reversed, the last step is the first
                        } else if (o >= 1) {
                            result[i * (out + 2) + out + o - 1] = gated;
                        }
                    }
                }
            }
            return result;
        }));
    }

    @Test
    void denseLayerWithItsReluAppliedAsTheProductLeavesNativeMemory() {
        // The output feeds two consumers, so its gradient is a sum before the fused ReLU masks it in place.
        int rows = 4;
        int in = 3;
        int out = 5;
        assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {rows, in}, new int[] {in, out}, new int[] {out}), t -> {
            Tensor y = Linear.apply(t.get(0), t.get(1), t.get(2), true);
            return y.add(y.mul(y));
        }, t -> {
            double[] y = denseReluReference(t.get(0), rows, in, t.get(1), t.get(2), out);
            double[] result = new double[rows * out];
            for (int i = 0; i < result.length; i++) {
                result[i] = y[i] + y[i] * y[i];
            }
            return result;
        }));
    }

    @Test
    void maskedAbsoluteErrorLoss() {
        float[] target = {0.5f, -0.25f, 0.75f, 0f, -0.9f, 0.1f};
        float[] mask = {1, 1, 0, 1, 1, 1};
        assertAccurate(DoublePrecisionCheck.check(List.of(new int[] {2, 3}),
                in -> Losses.maskedAbsoluteError(in.get(0), target, mask, 6), in -> {
                    double sum = 0;
                    for (int i = 0; i < target.length; i++) {
                        sum += Math.abs(in.get(0)[i] - target[i]) * mask[i];
                    }
                    return new double[] {sum / 6};
                }));
    }

    private static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double total = 0;
        double[] weights = new double[scores.length];
        for (int t = 0; t < scores.length; t++) {
            weights[t] = Math.exp(scores[t] - max);
            total += weights[t];
        }
        for (int t = 0; t < scores.length; t++) {
            weights[t] /= total;
        }
        return weights;
    }
}
