package org.flowcast.model.autodiff;

/** Layer normalisation over the last axis (Ba, Kiros and Hinton 2016), with a gain and a bias. */
public final class Normalisation {
    private static final float EPSILON = 1e-5f;

    private Normalisation() {
    }

    /** {@code gain ⊙ (x − mean) / sqrt(var + 1e-5) + bias} for each row of x [.., n]. */
    public static Tensor layerNorm(Tensor x, Tensor gain, Tensor bias) {
        return layerNorm(x, gain, bias, false);
    }

    /** Layer normalisation, followed by a ReLU where {@code relu} is set (one pass instead of two). */
    public static Tensor layerNorm(Tensor x, Tensor gain, Tensor bias, boolean relu) {
        int n = x.last();
        int r = x.rows();
        float[] d = x.data();
        float[] g = gain.data();
        float[] bb = bias.data();
        float[] normalised = new float[d.length];
        float[] inverseStd = new float[r];
        float[] y = new float[d.length];
        for (int i = 0; i < r; i++) {
            int o = i * n;
            float mean = Reductions.sum(d, o, n) / n;
            float squares = Reductions.squaredDeviations(d, o, n, mean);
            float inv = (float) (1.0 / Math.sqrt(squares / n + EPSILON));
            inverseStd[i] = inv;
            // Simple loops, one array written by each, which the JIT vectorises.
            for (int j = 0; j < n; j++) {
                normalised[o + j] = (d[o + j] - mean) * inv;
            }
            for (int j = 0; j < n; j++) {
                y[o + j] = g[j] * normalised[o + j] + bb[j];
            }
            if (relu) {
                for (int j = 0; j < n; j++) {
                    y[o + j] = Math.max(y[o + j], 0f);
                }
            }
        }
        return x.node(y, x.shape(), x.requiresGrad() || gain.requiresGrad() || bias.requiresGrad(), upstream -> {
            float[] dy = upstream;
            if (relu) {
                BiasRelu.backward(dy, y, true, null, r, n);
            }
            float[] dx = x.requiresGrad() ? x.grad() : null;
            float[] dg = gain.requiresGrad() ? gain.grad() : null;
            float[] db = bias.requiresGrad() ? bias.grad() : null;
            for (int i = 0; i < r; i++) {
                int o = i * n;
                float sumDz = Reductions.dot(dy, o, g, 0, n);
                float sumDzZ = Reductions.dotScaled(dy, o, g, normalised, o, n);
                if (dg != null) {
                    for (int j = 0; j < n; j++) {
                        dg[j] += dy[o + j] * normalised[o + j];
                    }
                }
                if (db != null) {
                    for (int j = 0; j < n; j++) {
                        db[j] += dy[o + j];
                    }
                }
                if (dx != null) {
                    float inv = inverseStd[i];
                    float meanDz = sumDz / n;
                    float meanDzZ = sumDzZ / n;
                    for (int j = 0; j < n; j++) {
                        dx[o + j] += inv * (dy[o + j] * g[j] - meanDz - normalised[o + j] * meanDzZ);
                    }
                }
            }
        });
    }
}
