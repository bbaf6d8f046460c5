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
        int end = k;
        while (end > firstTap && Math.abs(offsets[end - 1]) >= len) {
            end--;
        }
        int from = firstTap;
        int lastTap = end;
        int used = (lastTap - firstTap) * cin;
        int kernelOffset = firstTap * cin * cout;
        int rows = a * len;
        float[] in = x.data();
        float[] columns = new float[rows * used];
        for (int i = 0; i < a; i++) {
            for (int l = 0; l < len; l++) {
                int row = (i * len + l) * used;
                for (int j = from; j < lastTap; j++) {
                    int source = l - offsets[j];
                    if (source >= 0 && source < len) {
                        int at = (i * len + source) * cin;
                        int to = row + (j - from) * cin;
                        // A plain loop for narrow inputs: an arraycopy call costs more than copying one channel.
                        for (int c = 0; c < cin; c++) {
                            columns[to + c] = in[at + c];
                        }
                    }
                }
            }
        }
        float[] y = new float[rows * cout];
        Blas.gemm(false, false, rows, cout, used, 1f, columns, 0, kernel.data(), kernelOffset, 0f, y, 0);
        float[] b = bias.data();
        for (int r = 0; r < rows; r++) {
            int o = r * cout;
            for (int c = 0; c < cout; c++) {
                float v = y[o + c] + b[c];
                y[o + c] = relu ? Math.max(v, 0f) : v;
            }
        }
        return x.node(y, new int[] {a, len, cout}, x.requiresGrad() || kernel.requiresGrad() || bias.requiresGrad(), dy -> {
            float[] g = relu ? Tensor.maskedByPositive(dy, y) : dy;
            if (bias.requiresGrad()) {
                float[] db = bias.grad();
                for (int r = 0; r < rows; r++) {
                    int o = r * cout;
                    for (int c = 0; c < cout; c++) {
                        db[c] += g[o + c];
                    }
                }
            }
            if (kernel.requiresGrad()) {
                Blas.gemm(true, false, used, cout, rows, 1f, columns, 0, g, 0, 1f, kernel.grad(), kernelOffset);
            }
            if (x.requiresGrad()) {
                float[] dColumns = new float[rows * used];
                Blas.gemm(false, true, rows, used, cout, 1f, g, 0, kernel.data(), kernelOffset, 0f, dColumns, 0);
                float[] dx = x.grad();
                for (int i = 0; i < a; i++) {
                    for (int l = 0; l < len; l++) {
                        int row = (i * len + l) * used;
                        for (int j = from; j < lastTap; j++) {
                            int source = l - offsets[j];
                            if (source >= 0 && source < len) {
                                int to = (i * len + source) * cin;
                                int at = row + (j - from) * cin;
                                for (int c = 0; c < cin; c++) {
                                    dx[to + c] += dColumns[at + c];
                                }
                            }
                        }
                    }
                }
            }
        });
    }
}
