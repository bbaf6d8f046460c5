package org.flowcast.model.autodiff;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A row-major float array with a shape, recorded on a {@link Tape}. The operations return new
 * tensors and, when the tape records and an input takes a gradient, remember how to pass the output's
 * gradient back to their inputs. "Rows" are all axes but the last; operations on the last axis treat
 * a tensor as [rows, last].
 */
public final class Tensor {
    private final Tape tape;
    private final float[] data;
    private final int[] shape;
    private final boolean requiresGrad;
    /** For a reshaped view: the tensor whose data and gradient it shares. */
    private final Tensor base;
    private float[] grad;
    Runnable backward;

    Tensor(Tape tape, float[] data, int[] shape, boolean requiresGrad, Tensor base) {
        int size = 1;
        for (int s : shape) {
            size *= s;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
        }
        this.tape = tape;
        this.data = data;
        this.shape = shape.clone();
        this.requiresGrad = requiresGrad;
        this.base = base;
    }

    /** The values, row-major. Owned by the tensor: read, do not write. */
    public float[] data() {
        return data;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return data.length;
    }

    public int dim(int axis) {
        return shape[axis < 0 ? shape.length + axis : axis];
    }

    int last() {
        return shape[shape.length - 1];
    }

    int rows() {
        return data.length / last();
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The gradient of the loss with respect to this tensor, allocated (zero) on first use. */
    public float[] grad() {
        if (base != null) {
            return base.grad();
        }
        if (grad == null) {
            grad = new float[data.length];
        }
        return grad;
    }

    boolean hasGrad() {
        return base != null ? base.hasGrad() : grad != null;
    }

    Tape tape() {
        return tape;
    }

    /** Makes the output node of an operation; {@code back} receives the output's gradient. */
    Tensor node(float[] out, int[] outShape, boolean anyInputRequiresGrad, Consumer<float[]> back) {
        boolean req = tape.recording() && anyInputRequiresGrad;
        Tensor node = new Tensor(tape, out, outShape, req, null);
        if (req) {
            node.backward = () -> back.accept(node.grad());
            tape.record(node);
        }
        return node;
    }

    private int[] withLast(int n) {
        int[] s = shape.clone();
        s[s.length - 1] = n;
        return s;
    }

    private void sameSize(Tensor other) {
        if (other.data.length != data.length) {
            throw new IllegalArgumentException("shapes " + Arrays.toString(shape) + " and " + Arrays.toString(other.shape) + " differ");
        }
    }

    // ---- linear algebra ----

    /** {@code this [.., k] · w [k, n] → [.., n]}. */
    public Tensor matmul(Tensor w) {
        if (w.shape.length != 2 || w.shape[0] != last()) {
            throw new IllegalArgumentException("cannot multiply " + Arrays.toString(shape) + " by " + Arrays.toString(w.shape));
        }
        int r = rows();
        int k = last();
        int n = w.shape[1];
        float[] y = new float[r * n];
        Blas.gemm(false, false, r, n, k, 1f, data, 0, w.data, 0, 0f, y, 0);
        return node(y, withLast(n), requiresGrad || w.requiresGrad, dy -> {
            if (requiresGrad) {
                Blas.gemm(false, true, r, k, n, 1f, dy, 0, w.data, 0, 1f, grad(), 0);
            }
            if (w.requiresGrad) {
                Blas.gemm(true, false, k, n, r, 1f, data, 0, dy, 0, 1f, w.grad(), 0);
            }
        });
    }

    /** {@code this · w + b}. */
    public Tensor dense(Tensor w, Tensor b) {
        return Linear.apply(this, w, b, false);
    }

    // ---- element-wise ----

    public Tensor add(Tensor other) {
        sameSize(other);
        float[] y = new float[data.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = data[i] + other.data[i];
        }
        return node(y, shape, requiresGrad || other.requiresGrad, dy -> {
            if (requiresGrad) {
                addInto(grad(), dy);
            }
            if (other.requiresGrad) {
                addInto(other.grad(), dy);
            }
        });
    }

    /** Element-wise product with constant factors of the same size (no gradient flows to them). */
    public Tensor scaledBy(float[] factors) {
        if (factors.length != data.length) {
            throw new IllegalArgumentException("factors hold " + factors.length + " values for a tensor of " + data.length);
        }
        float[] y = new float[data.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = data[i] * factors[i];
        }
        return node(y, shape, requiresGrad, dy -> {
            float[] g = grad();
            for (int i = 0; i < g.length; i++) {
                g[i] += dy[i] * factors[i];
            }
        });
    }

    public Tensor mul(Tensor other) {
        sameSize(other);
        float[] y = new float[data.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = data[i] * other.data[i];
        }
        return node(y, shape, requiresGrad || other.requiresGrad, dy -> {
            if (requiresGrad) {
                float[] g = grad();
                for (int i = 0; i < g.length; i++) {
                    g[i] += dy[i] * other.data[i];
                }
            }
            if (other.requiresGrad) {
                float[] g = other.grad();
                for (int i = 0; i < g.length; i++) {
                    g[i] += dy[i] * data[i];
                }
            }
        });
    }

    public Tensor sigmoid() {
        float[] y = new float[data.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Activations.sigmoid(data[i]);
        }
        return node(y, shape, requiresGrad, dy -> {
            float[] g = grad();
            for (int i = 0; i < g.length; i++) {
                g[i] += dy[i] * y[i] * (1 - y[i]);
            }
        });
    }

    public Tensor tanh() {
        float[] y = new float[data.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Activations.tanh(data[i]);
        }
        return node(y, shape, requiresGrad, dy -> {
            float[] g = grad();
            for (int i = 0; i < g.length; i++) {
                g[i] += dy[i] * (1 - y[i] * y[i]);
            }
        });
    }

    public Tensor relu() {
        float[] y = new float[data.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(data[i], 0f);
        }
        return node(y, shape, requiresGrad, dy -> {
            BiasRelu.backward(dy, y, true, null, 1, dy.length);
            addInto(grad(), dy);
        });
    }

    // ---- shape ----

    /** The same values with another shape of the same size; shares data and gradient. */
    public Tensor reshape(int... newShape) {
        int known = 1;
        int unknown = -1;
        int[] s = newShape.clone();
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                unknown = i;
            } else {
                known *= s[i];
            }
        }
        if (unknown >= 0) {
            s[unknown] = data.length / known;
        }
        return new Tensor(tape, data, s, requiresGrad, base != null ? base : this);
    }

    /** Columns {@code from..to} of the last axis. */
    public Tensor columns(int from, int to) {
        int n = last();
        int w = to - from;
        int r = rows();
        float[] y = new float[r * w];
        for (int i = 0; i < r; i++) {
            System.arraycopy(data, i * n + from, y, i * w, w);
        }
        return node(y, withLast(w), requiresGrad, dy -> {
            float[] g = grad();
            for (int i = 0; i < r; i++) {
                int o = i * n + from;
                int q = i * w;
                for (int j = 0; j < w; j++) {
                    g[o + j] += dy[q + j];
                }
            }
        });
    }

    /** Joins tensors with the same rows along the last axis. */
    public static Tensor concatColumns(Tensor... parts) {
        int r = parts[0].rows();
        int total = 0;
        boolean req = false;
        for (Tensor p : parts) {
            if (p.rows() != r) {
                throw new IllegalArgumentException("cannot join " + Arrays.toString(p.shape) + " to rows of " + r);
            }
            total += p.last();
            req |= p.requiresGrad;
        }
        int width = total;
        float[] y = new float[r * width];
        int offset = 0;
        for (Tensor p : parts) {
            int w = p.last();
            for (int i = 0; i < r; i++) {
                System.arraycopy(p.data, i * w, y, i * width + offset, w);
            }
            offset += w;
        }
        return parts[0].node(y, parts[0].withLast(width), req, dy -> {
            int from = 0;
            for (Tensor p : parts) {
                int w = p.last();
                if (p.requiresGrad) {
                    float[] g = p.grad();
                    for (int i = 0; i < r; i++) {
                        int o = i * width + from;
                        for (int j = 0; j < w; j++) {
                            g[i * w + j] += dy[o + j];
                        }
                    }
                }
                from += w;
            }
        });
    }

    /** Reverses the middle axis of [A, L, C] (a sequence read from its end). */
    public Tensor reverseMiddle() {
        int a = shape[0];
        int len = shape[1];
        int c = shape[2];
        float[] y = new float[data.length];
        for (int i = 0; i < a; i++) {
            for (int l = 0; l < len; l++) {
                System.arraycopy(data, (i * len + l) * c, y, (i * len + len - 1 - l) * c, c);
            }
        }
        return node(y, shape, requiresGrad, dy -> {
            float[] g = grad();
            for (int i = 0; i < a; i++) {
                for (int l = 0; l < len; l++) {
                    int to = (i * len + l) * c;
                    int from = (i * len + len - 1 - l) * c;
                    for (int j = 0; j < c; j++) {
                        g[to + j] += dy[from + j];
                    }
                }
            }
        });
    }

    /** [A, L, C] → [A, C, L]: the last two axes swapped. */
    public Tensor swapLastTwo() {
        int a = shape[0];
        int len = shape[1];
        int c = shape[2];
        float[] y = new float[data.length];
        for (int i = 0; i < a; i++) {
            int o = i * len * c;
            for (int l = 0; l < len; l++) {
                for (int j = 0; j < c; j++) {
                    y[o + j * len + l] = data[o + l * c + j];
                }
            }
        }
        return node(y, new int[] {a, c, len}, requiresGrad, dy -> {
            float[] g = grad();
            for (int i = 0; i < a; i++) {
                int o = i * len * c;
                for (int l = 0; l < len; l++) {
                    for (int j = 0; j < c; j++) {
                        g[o + l * c + j] += dy[o + j * len + l];
                    }
                }
            }
        });
    }

    /** Step {@code t} of [B, T, F] as [B, F]. */
    public Tensor step(int t) {
        int b = shape[0];
        int steps = shape[1];
        int f = shape[2];
        float[] y = new float[b * f];
        for (int i = 0; i < b; i++) {
            System.arraycopy(data, (i * steps + t) * f, y, i * f, f);
        }
        return node(y, new int[] {b, f}, requiresGrad, dy -> {
            float[] g = grad();
            for (int i = 0; i < b; i++) {
                int o = (i * steps + t) * f;
                for (int j = 0; j < f; j++) {
                    g[o + j] += dy[i * f + j];
                }
            }
        });
    }

    /** The last step of [B, T, F] as [B, F]. */
    public Tensor lastStep() {
        return step(shape[1] - 1);
    }

    static void addInto(float[] target, float[] values) {
        for (int i = 0; i < target.length; i++) {
            target[i] += values[i];
        }
    }
}
