package org.flowcast.model.autodiff;

import java.util.SplittableRandom;

/**
 * Inverted dropout on the output of a ReLU that no other operation reads, written into that output: no mask
 * array and no second copy of the activations. Each element is kept with probability {@code 1 − rate}
 * (to the nearest 1/65,536; four 16-bit draws per random long) and scaled by {@code 1 / (1 − rate)}. The
 * ReLU's own backward pass still reads its output to mask its gradient: a dropped element reads 0 there
 * as a ReLU-cut one does, and passes no gradient either way, so the result equals a ReLU followed by a
 * separate dropout with the same draws. In STID the separate dropout's mask and copy cost two arrays of
 * every window's stations by 128 values per block; without them it trained about 2% faster, within this
 * VM's noise, and its first epoch ran at 1,270–1,370 samples/s instead of about 1,000.
 */
public final class ReluDropout {
    private static final int DRAW_RANGE = 1 << 16;

    private ReluDropout() {
    }

    public static Tensor apply(Tensor reluOutput, SplittableRandom random, double rate) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("a dropout rate must be in (0, 1), not " + rate);
        }
        float kept = (float) (1 / (1 - rate));
        int threshold = (int) Math.round(rate * DRAW_RANGE);
        float[] y = reluOutput.data();
        int whole = y.length & ~3;
        for (int i = 0; i < whole; i += 4) {
            long bits = random.nextLong();
            y[i] = scaled(y[i], bits, threshold, kept);
            y[i + 1] = scaled(y[i + 1], bits >>> 16, threshold, kept);
            y[i + 2] = scaled(y[i + 2], bits >>> 32, threshold, kept);
            y[i + 3] = scaled(y[i + 3], bits >>> 48, threshold, kept);
        }
        long bits = random.nextLong();
        for (int i = whole; i < y.length; i++, bits >>>= 16) {
            y[i] = scaled(y[i], bits, threshold, kept);
        }
        return reluOutput.node(y, reluOutput.shape(), reluOutput.requiresGrad(), dy -> {
            float[] g = reluOutput.grad();
            for (int i = 0; i < g.length; i++) {
                // kept · dy where the element survived both the ReLU and the draw (y > 0), 0 elsewhere: arithmetic that
                // vectorises, as in BiasRelu
                g[i] += dy[i] * Math.min(y[i] * 1e38f, 1f) * kept;
            }
        });
    }

    private static float scaled(float value, long bits, int threshold, float kept) {
        return ((int) bits & (DRAW_RANGE - 1)) < threshold ? 0f : value * kept;
    }
}
