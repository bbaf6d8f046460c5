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
     * Scaled dot-product scores of every head: for q [B, Tq, D] and k [B, Tk, D] split into {@code heads}
     * blocks of D/heads columns, {@code s[b, head, i, j] = scale · q[b, i, head] · k[b, j, head]} → [B, heads, Tq, Tk].
     */
    public static Tensor headScores(Tensor q, Tensor k, int heads, float scale) {
        int b = q.dim(0);
        int queries = q.dim(1);
        int keys = k.dim(1);
        int d = q.dim(2);
        int size = d / heads;
        float[] qd = q.data();
        float[] kd = k.data();
        float[] y = new float[b * heads * queries * keys];
        for (int i = 0; i < b; i++) {
            for (int head = 0; head < heads; head++) {
                int col = head * size;
                for (int s = 0; s < queries; s++) {
                    int qo = (i * queries + s) * d + col;
                    int yo = ((i * heads + head) * queries + s) * keys;
                    for (int t = 0; t < keys; t++) {
                        int ko = (i * keys + t) * d + col;
                        float sum = 0;
                        for (int j = 0; j < size; j++) {
                            sum += qd[qo + j] * kd[ko + j];
                        }
                        y[yo + t] = scale * sum;
                    }
                }
            }
        }
        return q.node(y, new int[] {b, heads, queries, keys}, q.requiresGrad() || k.requiresGrad(), dy -> {
            // one loop per gradient: a test inside the innermost loop kept the JIT from vectorising it
            if (q.requiresGrad()) {
                addScoreGradient(dy, kd, q.grad(), b, heads, queries, keys, d, scale, true);
            }
            if (k.requiresGrad()) {
                addScoreGradient(dy, qd, k.grad(), b, heads, queries, keys, d, scale, false);
            }
        });
    }

    /**
     * Adds {@code Σ scale · dy[b, head, i, j] · other[b, j or i, head]} into the gradient of the queries
     * ({@code ofQueries}, summing over keys j) or of the keys (summing over queries i).
     */
    private static void addScoreGradient(float[] dy, float[] other, float[] target, int b, int heads, int queries, int keys, int d,
                                         float scale, boolean ofQueries) {
        int size = d / heads;
        for (int i = 0; i < b; i++) {
            for (int head = 0; head < heads; head++) {
                int col = head * size;
                for (int s = 0; s < queries; s++) {
                    int qo = (i * queries + s) * d + col;
                    int yo = ((i * heads + head) * queries + s) * keys;
                    for (int t = 0; t < keys; t++) {
                        int ko = (i * keys + t) * d + col;
                        float g = scale * dy[yo + t];
                        int to = ofQueries ? qo : ko;
                        int from = ofQueries ? ko : qo;
                        for (int j = 0; j < size; j++) {
                            target[to + j] += g * other[from + j];
                        }
                    }
                }
            }
        }
    }

    /**
     * Mixes values by each head's weights: {@code o[b, i, head] = Σ_j w[b, head, i, j] · v[b, j, head]}, weights
     * [B, heads, Tq, Tk] and v [B, Tk, D] → [B, Tq, D].
     */
    public static Tensor headMix(Tensor weights, Tensor v) {
        int b = v.dim(0);
        int keys = v.dim(1);
        int d = v.dim(2);
        int heads = weights.dim(1);
        int queries = weights.dim(2);
        int size = d / heads;
        float[] wd = weights.data();
        float[] vd = v.data();
        float[] y = new float[b * queries * d];
        for (int i = 0; i < b; i++) {
            for (int head = 0; head < heads; head++) {
                int col = head * size;
                for (int s = 0; s < queries; s++) {
                    int yo = (i * queries + s) * d + col;
                    int wo = ((i * heads + head) * queries + s) * keys;
                    for (int t = 0; t < keys; t++) {
                        float w = wd[wo + t];
                        int vo = (i * keys + t) * d + col;
                        for (int j = 0; j < size; j++) {
                            y[yo + j] += w * vd[vo + j];
                        }
                    }
                }
            }
        }
        return v.node(y, new int[] {b, queries, d}, weights.requiresGrad() || v.requiresGrad(), dy -> {
            float[] dw = weights.requiresGrad() ? weights.grad() : null;
            float[] dv = v.requiresGrad() ? v.grad() : null;
            for (int i = 0; i < b; i++) {
                for (int head = 0; head < heads; head++) {
                    int col = head * size;
                    for (int s = 0; s < queries; s++) {
                        int yo = (i * queries + s) * d + col;
                        int wo = ((i * heads + head) * queries + s) * keys;
                        for (int t = 0; t < keys; t++) {
                            int vo = (i * keys + t) * d + col;
                            if (dw != null) {
                                float dot = 0;
                                for (int j = 0; j < size; j++) {
                                    dot += dy[yo + j] * vd[vo + j];
                                }
                                dw[wo + t] += dot;
                            }
                            if (dv != null) {
                                float w = wd[wo + t];
                                for (int j = 0; j < size; j++) {
                                    dv[vo + j] += w * dy[yo + j];
                                }
                            }
                        }
                    }
                }
            }
        });
    }

    /** The last query's weights averaged over heads: [B, heads, Tq, Tk] → [B, Tk]. */
    public static Tensor lastQueryMeanOverHeads(Tensor weights) {
        int b = weights.dim(0);
        int heads = weights.dim(1);
        int queries = weights.dim(2);
        int steps = weights.dim(3);
        float[] wd = weights.data();
        float[] y = new float[b * steps];
        for (int i = 0; i < b; i++) {
            for (int head = 0; head < heads; head++) {
                int o = ((i * heads + head) * queries + queries - 1) * steps;
                for (int t = 0; t < steps; t++) {
                    y[i * steps + t] += wd[o + t] / heads;
                }
            }
        }
        return weights.node(y, new int[] {b, steps}, weights.requiresGrad(), dy -> {
            float[] g = weights.grad();
            for (int i = 0; i < b; i++) {
                for (int head = 0; head < heads; head++) {
                    int o = ((i * heads + head) * queries + queries - 1) * steps;
                    for (int t = 0; t < steps; t++) {
                        g[o + t] += dy[i * steps + t] / heads;
                    }
                }
            }
        });
    }
}
