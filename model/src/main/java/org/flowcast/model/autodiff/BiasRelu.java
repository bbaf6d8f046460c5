package org.flowcast.model.autodiff;

import java.nio.FloatBuffer;

/**
 * The bias and optional ReLU that follow a product: applied while the product is copied out of native
 * memory, and undone in the backward pass by masking the output's gradient in place, so that each of
 * the layer's arrays is walked once rather than three times with two temporaries. The loops index every
 * array alike, from a block-sized copy where need be: HotSpot 17 vectorises a loop over {@code a[i], b[i]}
 * but not one over {@code a[o + i], b[i]}, which ran 3–4 times slower here.
 */
final class BiasRelu {
    /** Values finished at a time: a block small enough to stay in the first-level cache. */
    private static final int BLOCK_VALUES = 4096;

    private final boolean relu;
    /** The bias repeated over a block of whole rows. */
    private final float[] tiled;
    private final float[] block;

    /** For rows of {@code n} values with this bias, then a ReLU when {@code relu}. */
    BiasRelu(float[] bias, int n, boolean relu) {
        this.relu = relu;
        tiled = new float[Math.max(1, BLOCK_VALUES / n) * n];
        for (int first = 0; first < tiled.length; first += n) {
            System.arraycopy(bias, 0, tiled, first, n);
        }
        block = new float[tiled.length];
    }

    /** {@code y[r, :] = c[r, :] + bias}, then {@code max(·, 0)} when {@code relu}, from the native product c [rows, n]. */
    static float[] out(Blas.Operand product, float[] bias, boolean relu, int rows, int n) {
        float[] y = new float[rows * n];
        new BiasRelu(bias, n, relu).out(product.buffer(), 0, rows * n, y, 0);
        return y;
    }

    /** {@code y[yOffset + i] = c[cOffset + i] + bias}, then the ReLU, for {@code size} values (whole rows). */
    void out(FloatBuffer c, int cOffset, int size, float[] y, int yOffset) {
        for (int first = 0; first < size; first += block.length) {
            int length = Math.min(block.length, size - first);
            c.get(cOffset + first, block, 0, length);
            if (relu) {
                for (int i = 0; i < length; i++) {
                    block[i] = Math.max(block[i] + tiled[i], 0f);
                }
            } else {
                for (int i = 0; i < length; i++) {
                    block[i] += tiled[i];
                }
            }
            System.arraycopy(block, 0, y, yOffset + first, length);
        }
    }

    /**
     * The backward pass of {@link #out}: zeroes {@code dy} in place where the ReLU's output {@code y} is 0
     * (when {@code relu}), then adds its column sums into {@code biasGrad} (unless null). The gradient of
     * an operation's output is read by that operation alone, so it may be overwritten.
     */
    static void backward(float[] dy, float[] y, boolean relu, float[] biasGrad, int rows, int n) {
        int size = rows * n;
        if (relu) {
            // min(y · 1e38, 1) is 0 where y is 0 and 1 wherever y is a normal positive float (or NaN where y is):
            // arithmetic that vectorises, where a comparison or the sign bit does not.
            for (int i = 0; i < size; i++) {
                dy[i] *= Math.min(y[i] * 1e38f, 1f);
            }
        }
        if (biasGrad != null) {
            float[] sums = new float[Math.max(1, BLOCK_VALUES / n) * n];
            float[] block = new float[sums.length];
            for (int first = 0; first < size; first += block.length) {
                int length = Math.min(block.length, size - first);
                System.arraycopy(dy, first, block, 0, length);
                for (int i = 0; i < length; i++) {
                    sums[i] += block[i];
                }
            }
            for (int first = 0; first < sums.length; first += n) {
                for (int j = 0; j < n; j++) {
                    biasGrad[j] += sums[first + j];
                }
            }
        }
    }
}
