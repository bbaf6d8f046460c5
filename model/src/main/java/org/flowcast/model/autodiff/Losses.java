package org.flowcast.model.autodiff;

/** Training losses as tape operations. */
public final class Losses {
    private Losses() {
    }

    /**
     * {@code Σ |prediction − target| · mask / denominator} as a scalar. The denominator is passed in
     * so that a batch split across threads sums to the loss of the whole batch (its mask total + 1).
     */
    public static Tensor maskedAbsoluteError(Tensor prediction, float[] target, float[] mask, double denominator) {
        float[] p = prediction.data();
        if (target.length != p.length || mask.length != p.length) {
            throw new IllegalArgumentException("prediction, target and mask differ in size");
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += Math.abs(p[i] - target[i]) * mask[i];
        }
        float scale = (float) (1.0 / denominator);
        return prediction.node(new float[] {(float) (sum / denominator)}, new int[] {1}, prediction.requiresGrad(), dy -> {
            float[] g = prediction.grad();
            float upstream = dy[0] * scale;
            for (int i = 0; i < p.length; i++) {
                // d|e|/de = sign(e), 0 at 0; signum rather than a branch that mispredicts half the time
                g[i] += Math.signum(p[i] - target[i]) * upstream * mask[i];
            }
        });
    }
}
