package org.flowcast.model.autodiff;

/** Steps of a sequence tensor chosen by index: [B, T, F] → [B, |indices|, F], the gradient added back to the chosen steps. */
public final class Steps {
    private Steps() {
    }

    public static Tensor select(Tensor x, int[] indices) {
        int b = x.dim(0);
        int steps = x.dim(1);
        int f = x.dim(2);
        int kept = indices.length;
        float[] data = x.data();
        float[] y = new float[b * kept * f];
        for (int i = 0; i < b; i++) {
            for (int s = 0; s < kept; s++) {
                System.arraycopy(data, (i * steps + indices[s]) * f, y, (i * kept + s) * f, f);
            }
        }
        return x.node(y, new int[] {b, kept, f}, x.requiresGrad(), dy -> {
            float[] g = x.grad();
            for (int i = 0; i < b; i++) {
                for (int s = 0; s < kept; s++) {
                    int target = (i * steps + indices[s]) * f;
                    int source = (i * kept + s) * f;
                    for (int j = 0; j < f; j++) {
                        g[target + j] += dy[source + j];
                    }
                }
            }
        });
    }
}
