package org.flowcast.model.autodiff;

/**
 * A 1-D convolution along the middle axis of a channels-last tensor [A, L, Cin] as one operation: the
 * taps are gathered side by side (im2col) into [A·L, k·Cin], multiplied by the kernel [k·Cin, Cout]
 * and the bias added, optionally followed by a ReLU; the backward pass scatters the taps' gradients
 * back (col2im). Tap {@code j} reads position {@code l − offsets[j]}, zero outside the sequence.
 */
public final class Convolution {
    private Convolution() {
    }

    public static Tensor convolve(Tensor x, Tensor kernel, Tensor bias, int[] offsets, boolean relu) {
        int a = x.dim(0);
        int len = x.dim(1);
        int cin = x.dim(2);
        int k = offsets.length;
        int width = k * cin;
        int cout = kernel.dim(1);
        if (kernel.dim(0) != width || bias.size() != cout) {
            throw new IllegalArgumentException("kernel " + java.util.Arrays.toString(kernel.shape()) + " for " + k + " taps of "
                    + cin + " channels");
        }
        // Taps that reach past the sequence at every position (a dilation beyond the window) read only zeros:
        // they are left out of the product, and their kernel rows keep a zero gradient.
        int firstTap = 0;
        while (firstTap < k && Math.abs(offsets[firstTap]) >= len) {
            firstTap++;
        }
        int lastTap = k;
        while (lastTap > firstTap && Math.abs(offsets[lastTap - 1]) >= len) {
            lastTap--;
        }
        int used = (lastTap - firstTap) * cin;
        int kernelOffset = firstTap * cin * cout;
        int rows = a * len;
        Taps taps = new Taps(x.data(), a, len, cin, offsets, firstTap, lastTap);
        Blas.Operand columns = taps.gather(Blas.Slot.FIRST);
        Blas.Operand weights = Blas.copy(Blas.Slot.SECOND, kernel.data(), kernelOffset, used * cout);
        Blas.Operand product = Blas.workspace(Blas.Slot.THIRD, rows * cout);
        Blas.gemm(false, false, rows, cout, used, 1f, columns, weights, 0f, product);
        float[] y = BiasRelu.out(product, bias.data(), relu, rows, cout);
        return x.node(y, new int[] {a, len, cout}, x.requiresGrad() || kernel.requiresGrad() || bias.requiresGrad(), dy -> {
            BiasRelu.backward(dy, y, relu, bias.requiresGrad() ? bias.grad() : null, rows, cout);
            Blas.Operand gradient = Blas.copy(Blas.Slot.FIRST, dy, 0, rows * cout);
            if (kernel.requiresGrad()) {
                // Gathered again rather than kept from the forward pass: cheaper than holding it on the tape.
                Blas.Operand gathered = taps.gather(Blas.Slot.SECOND);
                Blas.Operand dKernel = Blas.copy(Blas.Slot.THIRD, kernel.grad(), kernelOffset, used * cout);
                Blas.gemm(true, false, used, cout, rows, 1f, gathered, gradient, 1f, dKernel);
                dKernel.copyTo(kernel.grad(), kernelOffset);
            }
            if (x.requiresGrad()) {
                Blas.Operand transposed = Blas.copy(Blas.Slot.SECOND, kernel.data(), kernelOffset, used * cout);
                Blas.Operand dColumns = Blas.workspace(Blas.Slot.THIRD, rows * used);
                Blas.gemm(false, true, rows, used, cout, 1f, gradient, transposed, 0f, dColumns);
                taps.scatter(dColumns, x.grad());
            }
        });
    }

    /**
     * The taps of every position side by side (im2col), [A·L, used taps · Cin], built in native memory a
     * block of rows at a time, and the way back (col2im) for their gradient.
     */
    private record Taps(float[] in, int a, int len, int cin, int[] offsets, int from, int to) {
        /** Rows gathered at a time in a Java block before one bulk copy to native memory. */
        private static final int BLOCK_VALUES = 4096;

        int width() {
            return (to - from) * cin;
        }

        Blas.Operand gather(Blas.Slot slot) {
            int width = width();
            int rows = a * len;
            Blas.Operand columns = Blas.workspace(slot, rows * width);
            int blockRows = Math.max(1, BLOCK_VALUES / Math.max(1, width));
            float[] block = new float[blockRows * width];
            for (int first = 0; first < rows; first += blockRows) {
                int end = Math.min(rows, first + blockRows);
                for (int r = first; r < end; r++) {
                    int i = r / len;
                    int l = r % len;
                    int row = (r - first) * width;
                    for (int j = from; j < to; j++) {
                        int source = l - offsets[j];
                        int target = row + (j - from) * cin;
                        if (source >= 0 && source < len) {
                            int at = (i * len + source) * cin;
                            // A plain loop for narrow inputs: an arraycopy call costs more than copying one channel.
                            for (int c = 0; c < cin; c++) {
                                block[target + c] = in[at + c];
                            }
                        } else {
                            for (int c = 0; c < cin; c++) {
                                block[target + c] = 0f;
                            }
                        }
                    }
                }
                columns.buffer().put(first * width, block, 0, (end - first) * width);
            }
            return columns;
        }

        /** Adds the gradient of the gathered taps, {@code dColumns [A·L, width]}, into {@code dx [A, L, Cin]}. */
        void scatter(Blas.Operand dColumns, float[] dx) {
            int width = width();
            int rows = a * len;
            int blockRows = Math.max(1, BLOCK_VALUES / Math.max(1, width));
            float[] block = new float[blockRows * width];
            for (int first = 0; first < rows; first += blockRows) {
                int end = Math.min(rows, first + blockRows);
                dColumns.buffer().get(first * width, block, 0, (end - first) * width);
                for (int r = first; r < end; r++) {
                    int i = r / len;
                    int l = r % len;
                    int row = (r - first) * width;
                    for (int j = from; j < to; j++) {
                        int source = l - offsets[j];
                        if (source >= 0 && source < len) {
                            int target = (i * len + source) * cin;
                            int at = row + (j - from) * cin;
                            for (int c = 0; c < cin; c++) {
                                dx[target + c] += block[at + c];
                            }
                        }
                    }
                }
            }
        }
    }
}
