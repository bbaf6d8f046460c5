package org.flowcast.model.autodiff;

/**
 * The operations attention is built from: scores of a sequence against a query, a softmax over the
 * last axis, the weighted sum of a sequence, and the per-head score and mixing steps of multi-head
 * self-attention. Sequences are [B, T, D].
 */
public final class AttentionOps {
    private AttentionOps() {
    }

    /** {@code s[b, t] = states[b, t, :] · query[b, :]} for states [B, T, H] and query [B, H]. */
    public static Tensor scores(Tensor states, Tensor query) {
        int b = states.dim(0);
        int steps = states.dim(1);
        int h = states.dim(2);
        float[] s = states.data();
        float[] q = query.data();
        float[] y = new float[b * steps];
        for (int i = 0; i < b; i++) {
            for (int t = 0; t < steps; t++) {
                float sum = 0;
                int o = (i * steps + t) * h;
                for (int j = 0; j < h; j++) {
                    sum += s[o + j] * q[i * h + j];
                }
                y[i * steps + t] = sum;
            }
        }
        return states.node(y, new int[] {b, steps}, states.requiresGrad() || query.requiresGrad(), dy -> {
            float[] ds = states.requiresGrad() ? states.grad() : null;
            float[] dq = query.requiresGrad() ? query.grad() : null;
            for (int i = 0; i < b; i++) {
                for (int t = 0; t < steps; t++) {
                    float g = dy[i * steps + t];
                    int o = (i * steps + t) * h;
                    for (int j = 0; j < h; j++) {
                        if (ds != null) {
                            ds[o + j] += g * q[i * h + j];
                        }
                        if (dq != null) {
                            dq[i * h + j] += g * s[o + j];
                        }
                    }
                }
            }
        });
    }

    /** Softmax over the last axis. */
    public static Tensor softmax(Tensor x) {
        int n = x.last();
        int r = x.rows();
        float[] d = x.data();
        float[] y = new float[d.length];
        for (int i = 0; i < r; i++) {
            int o = i * n;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, d[o + j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                float e = (float) Math.exp(d[o + j] - max);
                y[o + j] = e;
                sum += e;
            }
            for (int j = 0; j < n; j++) {
                y[o + j] /= (float) sum;
            }
        }
        return x.node(y, x.shape(), x.requiresGrad(), dy -> {
            float[] g = x.grad();
            for (int i = 0; i < r; i++) {
                int o = i * n;
                float dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += dy[o + j] * y[o + j];
                }
                for (int j = 0; j < n; j++) {
                    g[o + j] += y[o + j] * (dy[o + j] - dot);
                }
            }
        });
    }

    /** {@code c[b, :] = Σ_t weights[b, t] · states[b, t, :]} for states [B, T, H] and weights [B, T]. */
    public static Tensor weightedSum(Tensor states, Tensor weights) {
        int b = states.dim(0);
        int steps = states.dim(1);
        int h = states.dim(2);
        float[] s = states.data();
        float[] a = weights.data();
        float[] y = new float[b * h];
        for (int i = 0; i < b; i++) {
            for (int t = 0; t < steps; t++) {
                float w = a[i * steps + t];
                int o = (i * steps + t) * h;
                for (int j = 0; j < h; j++) {
                    y[i * h + j] += w * s[o + j];
                }
            }
        }
        return states.node(y, new int[] {b, h}, states.requiresGrad() || weights.requiresGrad(), dy -> {
            float[] ds = states.requiresGrad() ? states.grad() : null;
            float[] da = weights.requiresGrad() ? weights.grad() : null;
            for (int i = 0; i < b; i++) {
                for (int t = 0; t < steps; t++) {
                    float w = a[i * steps + t];
                    int o = (i * steps + t) * h;
                    float dot = 0;
                    for (int j = 0; j < h; j++) {
                        float g = dy[i * h + j];
                        if (ds != null) {
                            ds[o + j] += w * g;
                        }
                        dot += g * s[o + j];
                    }
                    if (da != null) {
                        da[i * steps + t] += dot;
                    }
                }
            }
        });
    }

    /**
     * Scaled dot-product scores of every head: for q, k [B, T, D] split into {@code heads} blocks of
     * D/heads columns, {@code s[b, head, i, j] = scale · q[b, i, head] · k[b, j, head]} → [B, heads, T, T].
     */
    public static Tensor headScores(Tensor q, Tensor k, int heads, float scale) {
        int b = q.dim(0);
        int steps = q.dim(1);
        int d = q.dim(2);
        int size = d / heads;
        float[] qd = q.data();
        float[] kd = k.data();
        float[] y = new float[b * heads * steps * steps];
        for (int i = 0; i < b; i++) {
            for (int head = 0; head < heads; head++) {
                int col = head * size;
                for (int s = 0; s < steps; s++) {
                    int qo = (i * steps + s) * d + col;
                    int yo = ((i * heads + head) * steps + s) * steps;
                    for (int t = 0; t < steps; t++) {
                        int ko = (i * steps + t) * d + col;
                        float sum = 0;
                        for (int j = 0; j < size; j++) {
                            sum += qd[qo + j] * kd[ko + j];
                        }
                        y[yo + t] = scale * sum;
                    }
                }
            }
        }
        return q.node(y, new int[] {b, heads, steps, steps}, q.requiresGrad() || k.requiresGrad(), dy -> {
            float[] dq = q.requiresGrad() ? q.grad() : null;
            float[] dk = k.requiresGrad() ? k.grad() : null;
            for (int i = 0; i < b; i++) {
                for (int head = 0; head < heads; head++) {
                    int col = head * size;
                    for (int s = 0; s < steps; s++) {
                        int qo = (i * steps + s) * d + col;
                        int yo = ((i * heads + head) * steps + s) * steps;
                        for (int t = 0; t < steps; t++) {
                            int ko = (i * steps + t) * d + col;
                            float g = scale * dy[yo + t];
                            for (int j = 0; j < size; j++) {
                                if (dq != null) {
                                    dq[qo + j] += g * kd[ko + j];
                                }
                                if (dk != null) {
                                    dk[ko + j] += g * qd[qo + j];
                                }
                            }
                        }
                    }
                }
            }
        });
    }

    /** Mixes values by each head's weights: {@code o[b, i, head] = Σ_j w[b, head, i, j] · v[b, j, head]} → [B, T, D]. */
    public static Tensor headMix(Tensor weights, Tensor v) {
        int b = v.dim(0);
        int steps = v.dim(1);
        int d = v.dim(2);
        int heads = weights.dim(1);
        int size = d / heads;
        float[] wd = weights.data();
        float[] vd = v.data();
        float[] y = new float[b * steps * d];
        for (int i = 0; i < b; i++) {
            for (int head = 0; head < heads; head++) {
                int col = head * size;
                for (int s = 0; s < steps; s++) {
                    int yo = (i * steps + s) * d + col;
                    int wo = ((i * heads + head) * steps + s) * steps;
                    for (int t = 0; t < steps; t++) {
                        float w = wd[wo + t];
                        int vo = (i * steps + t) * d + col;
                        for (int j = 0; j < size; j++) {
                            y[yo + j] += w * vd[vo + j];
                        }
                    }
                }
            }
        }
        return v.node(y, new int[] {b, steps, d}, weights.requiresGrad() || v.requiresGrad(), dy -> {
            float[] dw = weights.requiresGrad() ? weights.grad() : null;
            float[] dv = v.requiresGrad() ? v.grad() : null;
            for (int i = 0; i < b; i++) {
                for (int head = 0; head < heads; head++) {
                    int col = head * size;
                    for (int s = 0; s < steps; s++) {
                        int yo = (i * steps + s) * d + col;
                        int wo = ((i * heads + head) * steps + s) * steps;
                        for (int t = 0; t < steps; t++) {
                            float w = wd[wo + t];
                            int vo = (i * steps + t) * d + col;
                            float dot = 0;
                            for (int j = 0; j < size; j++) {
                                dot += dy[yo + j] * vd[vo + j];
                                if (dv != null) {
                                    dv[vo + j] += w * dy[yo + j];
                                }
                            }
                            if (dw != null) {
                                dw[wo + t] += dot;
                            }
                        }
                    }
                }
            }
        });
    }

    /** The last query's weights averaged over heads: [B, heads, T, T] → [B, T]. */
    public static Tensor lastQueryMeanOverHeads(Tensor weights) {
        int b = weights.dim(0);
        int heads = weights.dim(1);
        int steps = weights.dim(2);
        float[] wd = weights.data();
        float[] y = new float[b * steps];
        for (int i = 0; i < b; i++) {
            for (int head = 0; head < heads; head++) {
                int o = ((i * heads + head) * steps + steps - 1) * steps;
                for (int t = 0; t < steps; t++) {
                    y[i * steps + t] += wd[o + t] / heads;
                }
            }
        }
        return weights.node(y, new int[] {b, steps}, weights.requiresGrad(), dy -> {
            float[] g = weights.grad();
            for (int i = 0; i < b; i++) {
                for (int head = 0; head < heads; head++) {
                    int o = ((i * heads + head) * steps + steps - 1) * steps;
                    for (int t = 0; t < steps; t++) {
                        g[o + t] += dy[i * steps + t] / heads;
                    }
                }
            }
        });
    }
}
