package org.flowcast.model.autodiff;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A 1-D convolution along the middle axis of a channels-last tensor computed at chosen positions only:
 * {@code x} [A, Lin, Cin] holds each sequence at {@code inputPositions}, the result [A, Lout, Cout] is the
 * convolution at {@code outputPositions}. Tap {@code j} reads position {@code p − offsets[j]}; a position
 * before 0 reads zero, any other must be one of the input positions. Where a model reads only some
 * positions of a stack of causal convolutions (the TCN's head reads the last step), the positions that
 * cannot reach it are never computed: in the TCN, 35 of the 96 positions its eight convolutions would
 * compute over a 12-step window. Computed as one product of the gathered taps (im2col,
 * [A·Lout, taps·Cin]) with the kernel [taps·Cin, Cout]: with 64 channels the gathered copy is a row copy
 * per tap, cheaper than three products per layer on shifted views ({@link TapProducts}). The TCN trained at
 * 16,000–20,000 samples/s on Orange this way, 7,000 with every position computed tap by tap.
 */
public final class PositionedConvolution {
    private PositionedConvolution() {
    }

    public static Tensor convolve(Tensor x, int[] inputPositions, Tensor kernel, Tensor bias, int[] offsets, int[] outputPositions,
                                  boolean relu) {
        int a = x.dim(0);
        int cin = x.dim(2);
        int cout = kernel.dim(1);
        if (x.dim(1) != inputPositions.length || kernel.dim(0) != offsets.length * cin || bias.size() != cout) {
            throw new IllegalArgumentException("kernel " + Arrays.toString(kernel.shape()) + " for " + offsets.length + " taps of "
                    + Arrays.toString(x.shape()) + " at " + inputPositions.length + " positions");
        }
        Gather gather = new Gather(inputPositions, offsets, outputPositions, a, cin);
        int rows = a * outputPositions.length;
        int width = gather.width();
        int kernelFrom = gather.from * cin * cout;
        Blas.Operand weights = Blas.copy(Blas.Slot.SECOND, kernel.data(), kernelFrom, width * cout);
        Blas.Operand product = Blas.workspace(Blas.Slot.THIRD, rows * cout);
        Blas.gemm(false, false, rows, cout, width, 1f, gather.into(Blas.Slot.FIRST, x.data()), weights, 0f, product);
        float[] y = BiasRelu.out(product, bias.data(), relu, rows, cout);
        return x.node(y, new int[] {a, outputPositions.length, cout}, x.requiresGrad() || kernel.requiresGrad() || bias.requiresGrad(),
                dy -> {
                    BiasRelu.backward(dy, y, relu, bias.requiresGrad() ? bias.grad() : null, rows, cout);
                    Blas.Operand gradient = Blas.copy(Blas.Slot.FIRST, dy, 0, rows * cout);
                    if (kernel.requiresGrad()) {
                        Blas.Operand dKernel = Blas.copy(Blas.Slot.THIRD, kernel.grad(), kernelFrom, width * cout);
                        Blas.gemm(true, false, width, cout, rows, 1f, gather.into(Blas.Slot.SECOND, x.data()), gradient, 1f, dKernel);
                        dKernel.copyTo(kernel.grad(), kernelFrom);
                    }
                    if (x.requiresGrad()) {
                        Blas.Operand transposed = Blas.copy(Blas.Slot.SECOND, kernel.data(), kernelFrom, width * cout);
                        Blas.Operand dGathered = Blas.workspace(Blas.Slot.THIRD, rows * width);
                        Blas.gemm(false, true, rows, width, cout, 1f, gradient, transposed, 0f, dGathered);
                        gather.addBack(dGathered, x.grad());
                    }
                });
    }

    /**
     * Where each output position's taps read: the input row of every used tap, or −1 for a position before
     * the sequence. Taps that read before the sequence at every output position are left out (their kernel
     * rows keep a zero gradient); the used taps are {@code from} to {@code to}, exclusive.
     */
    private static final class Gather {
        private final int a;
        private final int cin;
        private final int lin;
        private final int lout;
        private final int from;
        private final int to;
        /** For output position q and used tap t: the input row, or −1; {@code source[q · (to − from) + t]}. */
        private final int[] source;

        Gather(int[] inputPositions, int[] offsets, int[] outputPositions, int a, int cin) {
            this.a = a;
            this.cin = cin;
            lin = inputPositions.length;
            lout = outputPositions.length;
            int first = offsets.length;
            int last = 0;
            for (int j = 0; j < offsets.length; j++) {
                for (int p : outputPositions) {
                    if (p - offsets[j] >= 0) {
                        first = Math.min(first, j);
                        last = Math.max(last, j + 1);
                    }
                }
            }
            from = Math.min(first, last);
            to = last;
            source = new int[lout * (to - from)];
            for (int q = 0; q < lout; q++) {
                for (int j = from; j < to; j++) {
                    int position = outputPositions[q] - offsets[j];
                    int row = position < 0 ? -1 : Arrays.binarySearch(inputPositions, position);
                    if (position >= 0 && row < 0) {
                        throw new IllegalArgumentException("position " + outputPositions[q] + " reads position " + position
                                + ", which is not among the input positions " + Arrays.toString(inputPositions));
                    }
                    source[q * (to - from) + j - from] = row;
                }
            }
        }

        int width() {
            return (to - from) * cin;
        }

        /** The gathered taps [A·Lout, width] of {@code x} [A, Lin, Cin] in the thread's block for {@code slot}. */
        Blas.Operand into(Blas.Slot slot, float[] x) {
            int width = width();
            Blas.Operand gathered = Blas.workspace(slot, a * lout * width);
            FloatBuffer values = gathered.buffer();
            float[] zeros = new float[cin];
            int taps = to - from;
            for (int i = 0; i < a; i++) {
                for (int q = 0; q < lout; q++) {
                    int at = (i * lout + q) * width;
                    for (int t = 0; t < taps; t++) {
                        int row = source[q * taps + t];
                        if (row < 0) {
                            values.put(at + t * cin, zeros, 0, cin);
                        } else {
                            values.put(at + t * cin, x, (i * lin + row) * cin, cin);
                        }
                    }
                }
            }
            return gathered;
        }

        /** Adds the gradient of the gathered taps [A·Lout, width] into the input's gradient [A, Lin, Cin]. */
        void addBack(Blas.Operand dGathered, float[] dx) {
            int width = width();
            int taps = to - from;
            float[] rows = new float[a * lout * width];
            dGathered.copyTo(rows, 0);
            for (int i = 0; i < a; i++) {
                for (int q = 0; q < lout; q++) {
                    int at = (i * lout + q) * width;
                    for (int t = 0; t < taps; t++) {
                        int row = source[q * taps + t];
                        if (row >= 0) {
                            int target = (i * lin + row) * cin;
                            int start = at + t * cin;
                            for (int c = 0; c < cin; c++) {
                                dx[target + c] += rows[start + c];
                            }
                        }
                    }
                }
            }
        }
    }
}
