package org.flowcast.model.autodiff;

import java.nio.FloatBuffer;

/**
 * The bias and optional ReLU that follow a product: applied while the product is copied out of native
 * memory, and undone in the backward pass by masking the output's gradient in place, so that each of
 * the layer's arrays is walked once rather than three times with two temporaries.
 */
final class BiasRelu {
    /** Rows copied and finished at a time: a block small enough to stay in the first-level cache. */
    private static final int BLOCK_VALUES = 4096;

    private BiasRelu() {
    }

    /** {@code y[r, :] = c[r, :] + bias}, then {@code max(·, 0)} when {@code relu}, from the native product c [rows, n]. */
    static float[] out(Blas.Operand product, float[] bias, boolean relu, int rows, int n) {
        float[] y = new float[rows * n];
        FloatBuffer c = product.buffer();
        int block = Math.max(1, BLOCK_VALUES / n);
        for (int first = 0; first < rows; first += block) {
            int end = Math.min(rows, first + block);
            c.get(first * n, y, first * n, (end - first) * n);
            for (int r = first; r < end; r++) {
                int o = r * n;
                if (relu) {
                    for (int j = 0; j < n; j++) {
                        y[o + j] = Math.max(y[o + j] + bias[j], 0f);
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        y[o + j] += bias[j];
                    }
                }
            }
        }
        return y;
    }

    /**
     * The backward pass of {@link #out}: zeroes {@code dy} in place where the ReLU's output {@code y} is 0
     * (when {@code relu}), then adds its column sums into {@code biasGrad} (unless null). The gradient of
     * an operation's output is read by that operation alone, so it may be overwritten.
     */
    static void backward(float[] dy, float[] y, boolean relu, float[] biasGrad, int rows, int n) {
        for (int r = 0; r < rows; r++) {
            int o = r * n;
            if (relu) {
                for (int j = 0; j < n; j++) {
                    // A bit mask rather than a branch, which mispredicted on half the elements; y is never −0.
                    int mask = -Float.floatToRawIntBits(y[o + j]) >> 31;
                    dy[o + j] = Float.intBitsToFloat(Float.floatToRawIntBits(dy[o + j]) & mask);
                }
            }
            if (biasGrad != null) {
                for (int j = 0; j < n; j++) {
                    biasGrad[j] += dy[o + j];
                }
            }
        }
    }
}
