package org.flowcast.model.autodiff;

/**
 * Inverted dropout on the output of a ReLU that no other operation reads, written into that output by the
 * dropout's factors (drawn by the caller): no second copy of the activations and no gradient array for one. The
 * ReLU's own backward pass still reads its output to mask its gradient: a dropped element reads 0 there
 * as a ReLU-cut one does, and passes no gradient either way, so the result equals a ReLU followed by a
 * separate dropout with the same factors. In STID the separate dropout's copy and its gradient cost two arrays
 * of every window's stations by 128 values per block; without them (and without the mask, in the first version)
 * it trained about 2% faster, within this VM's noise.
 */
public final class ReluDropout {
    private ReluDropout() {
    }

    /** Scales {@code reluOutput} in place by the dropout {@code factors} (0 or 1 / (1 − rate) per element). */
    public static Tensor apply(Tensor reluOutput, float[] factors) {
        float[] y = reluOutput.data();
        if (factors.length != y.length) {
            throw new IllegalArgumentException("factors hold " + factors.length + " values for a tensor of " + y.length);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] *= factors[i];
        }
        return reluOutput.node(y, reluOutput.shape(), reluOutput.requiresGrad(), dy -> {
            float[] g = reluOutput.grad();
            for (int i = 0; i < g.length; i++) {
                // the factor where the element survived both the ReLU and the draw (y > 0), 0 elsewhere: arithmetic that
                // vectorises, as in BiasRelu
                g[i] += dy[i] * Math.min(y[i] * 1e38f, 1f) * factors[i];
            }
        });
    }
}
