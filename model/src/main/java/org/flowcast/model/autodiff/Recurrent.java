package org.flowcast.model.autodiff;
import java.util.Arrays;

/**
 * Recurrent layers as single tape operations with hand-written backpropagation through time, so that
 * a sequence costs two matrix products per step rather than a graph node per gate. Both take the
 * input projection {@code x W_x + b} of the whole sequence, computed beforehand in one product.
 */
public final class Recurrent {
    private Recurrent() {
    }

    /**
     * An LSTM over {@code projected [B, T, 4H]} (gates in the order input, forget, cell, output) with
     * recurrent weights {@code wh [H, 4H]}; returns the hidden states [B, T, H]. Starts from zero state.
     */
    public static Tensor lstm(Tensor projected, Tensor wh) {
        int b = projected.dim(0);
        int steps = projected.dim(1);
        int h = wh.dim(0);
        int g4 = 4 * h;
        if (projected.dim(2) != g4 || wh.dim(1) != g4) {
            throw new IllegalArgumentException("LSTM gates: projected " + Arrays.toString(projected.shape())
                    + ", recurrent weights " + Arrays.toString(wh.shape()));
        }
        float[] p = projected.data();
        float[] w = wh.data();
        int bh = b * h;
        // Per step, each gate in an array of its own [B, H]: the loops then index all their arrays alike, which
        // HotSpot vectorises (it does not vectorise a loop over gates[o + j] and c[k + j]).
        float[][] input = new float[steps][];
        float[][] forget = new float[steps][];
        float[][] candidate = new float[steps][];
        float[][] output = new float[steps][];
        float[][] cell = new float[steps][];
        float[][] tanhCell = new float[steps][];
        float[][] hidden = new float[steps][];
        float[] out = new float[b * steps * h];
        float[] gates = new float[b * g4];
        float[] zeros = new float[bh];
        // The recurrent weights are copied to native memory once for the sequence, not at every step.
        Blas.Operand recurrent = steps > 1 ? Blas.pin(w, 0, h * g4) : null;
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < b; i++) {
                System.arraycopy(p, (i * steps + t) * g4, gates, i * g4, g4);
            }
            if (t > 0) {
                Blas.gemm(false, false, b, g4, h, 1f, hidden[t - 1], 0, recurrent, 1f, gates, 0);
            }
            float[] in = split(gates, 0, b, h);
            float[] f = split(gates, 1, b, h);
            float[] cand = split(gates, 2, b, h);
            float[] o = split(gates, 3, b, h);
            Activations.sigmoid(in, 0, bh);
            Activations.sigmoid(f, 0, bh);
            Activations.tanh(cand, 0, bh);
            Activations.sigmoid(o, 0, bh);
            float[] c = new float[bh];
            float[] tc = new float[bh];
            float[] hh = new float[bh];
            float[] cPrev = t > 0 ? cell[t - 1] : zeros;
            for (int k = 0; k < bh; k++) {
                c[k] = in[k] * cand[k] + f[k] * cPrev[k];
            }
            for (int k = 0; k < bh; k++) {
                tc[k] = Activations.tanh(c[k]);
            }
            for (int k = 0; k < bh; k++) {
                hh[k] = o[k] * tc[k];
            }
            for (int i = 0; i < b; i++) {
                System.arraycopy(hh, i * h, out, (i * steps + t) * h, h);
            }
            input[t] = in;
            forget[t] = f;
            candidate[t] = cand;
            output[t] = o;
            cell[t] = c;
            tanhCell[t] = tc;
            hidden[t] = hh;
        }
        return projected.node(out, new int[] {b, steps, h}, projected.requiresGrad() || wh.requiresGrad(), dy -> {
            float[] dhNext = new float[bh];
            float[] dcNext = new float[bh];
            float[] dh = new float[bh];
            float[][] dGate = new float[4][bh];
            float[] dGates = new float[b * g4];
            float[] dp = projected.requiresGrad() ? projected.grad() : null;
            float[] dw = wh.requiresGrad() ? wh.grad() : null;
            // Weights and their gradient stay in native memory over the sequence; the products and the order
            // of their sums are those of copying them at every step.
            Blas.Operand weights = steps > 1 ? Blas.pin(w, 0, h * g4) : null;
            Blas.Operand dWeights = steps > 1 && dw != null ? Blas.accumulator(dw, 0, h * g4) : null;
            for (int t = steps - 1; t >= 0; t--) {
                float[] in = input[t];
                float[] f = forget[t];
                float[] cand = candidate[t];
                float[] o = output[t];
                float[] tc = tanhCell[t];
                float[] cPrev = t > 0 ? cell[t - 1] : zeros;
                for (int i = 0; i < b; i++) {
                    System.arraycopy(dy, (i * steps + t) * h, dh, i * h, h);
                }
                float[] dIn = dGate[0];
                float[] dForget = dGate[1];
                float[] dCand = dGate[2];
                float[] dOut = dGate[3];
                for (int k = 0; k < bh; k++) {
                    float dhk = dh[k] + dhNext[k];
                    float dc = dcNext[k] + dhk * o[k] * (1 - tc[k] * tc[k]);
                    dIn[k] = dc * cand[k] * in[k] * (1 - in[k]);
                    dForget[k] = dc * cPrev[k] * f[k] * (1 - f[k]);
                    dCand[k] = dc * in[k] * (1 - cand[k] * cand[k]);
                    dOut[k] = dhk * tc[k] * o[k] * (1 - o[k]);
                    dcNext[k] = dc * f[k];
                }
                for (int i = 0; i < b; i++) {
                    for (int g = 0; g < 4; g++) {
                        System.arraycopy(dGate[g], i * h, dGates, i * g4 + g * h, h);
                    }
                }
                if (dp != null) {
                    for (int i = 0; i < b; i++) {
                        int row = (i * steps + t) * g4;
                        for (int j = 0; j < g4; j++) {
                            dp[row + j] += dGates[i * g4 + j];
                        }
                    }
                }
                if (t > 0) {
                    if (dWeights != null) {
                        Blas.gemmInto(true, false, h, g4, b, 1f, hidden[t - 1], 0, dGates, 0, dWeights);
                    }
                    Blas.gemm(false, true, b, h, g4, 1f, dGates, 0, weights, 0f, dhNext, 0);
                }
            }
            if (dWeights != null) {
                dWeights.copyTo(dw, 0);
            }
        });
    }

    /** Gate {@code gate} of {@code gates [rows, 4h]} as an array [rows, h] of its own. */
    private static float[] split(float[] gates, int gate, int rows, int h) {
        float[] values = new float[rows * h];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(gates, i * 4 * h + gate * h, values, i * h, h);
        }
        return values;
    }

    /**
     * A GRU (Cho et al. 2014) over {@code projected [B, T, 3H]} = {@code x W_x + b_x} (reset, update,
     * new), with recurrent weights {@code wh [H, 3H]} and bias {@code bh [3H]}:
     * {@code r = σ(x_r + h U_r + b_hr)}, {@code z = σ(x_z + h U_z + b_hz)},
     * {@code n = tanh(x_n + r ⊙ (h U_n + b_hn))}, {@code h' = (1 − z) ⊙ n + z ⊙ h}. Returns [B, T, H].
     */
    public static Tensor gru(Tensor projected, Tensor wh, Tensor bh) {
        int b = projected.dim(0);
        int steps = projected.dim(1);
        int h = wh.dim(0);
        int g3 = 3 * h;
        if (projected.dim(2) != g3 || wh.dim(1) != g3 || bh.size() != g3) {
            throw new IllegalArgumentException("GRU gates: projected " + Arrays.toString(projected.shape())
                    + ", recurrent weights " + Arrays.toString(wh.shape()));
        }
        float[] p = projected.data();
        float[] w = wh.data();
        float[] bias = bh.data();
        float[][] rz = new float[steps][];      // r, z, n per step [B, 3H]
        float[][] recurrentN = new float[steps][];
        float[][] hidden = new float[steps][];
        float[] out = new float[b * steps * h];
        Blas.Operand recurrent = steps > 1 ? Blas.pin(w, 0, h * g3) : null;
        for (int t = 0; t < steps; t++) {
            float[] rec = new float[b * g3];
            for (int i = 0; i < b; i++) {
                System.arraycopy(bias, 0, rec, i * g3, g3);
            }
            if (t > 0) {
                Blas.gemm(false, false, b, g3, h, 1f, hidden[t - 1], 0, recurrent, 1f, rec, 0);
            }
            float[] gates = new float[b * g3];
            float[] rn = new float[b * h];
            float[] hh = new float[b * h];
            // A zero previous state at the first step spares the loops a branch; simple loops, one per function,
            // so that the JIT vectorises them.
            float[] hPrev = t > 0 ? hidden[t - 1] : new float[b * h];
            for (int i = 0; i < b; i++) {
                int o = i * g3;
                int x = (i * steps + t) * g3;
                int k = i * h;
                for (int j = 0; j < 2 * h; j++) {
                    gates[o + j] = p[x + j] + rec[o + j];
                }
                Activations.sigmoid(gates, o, o + 2 * h);
                for (int j = 0; j < h; j++) {
                    gates[o + 2 * h + j] = p[x + 2 * h + j] + gates[o + j] * rec[o + 2 * h + j];
                }
                Activations.tanh(gates, o + 2 * h, o + 3 * h);
                for (int j = 0; j < h; j++) {
                    float n = gates[o + 2 * h + j];
                    hh[k + j] = n + gates[o + h + j] * (hPrev[k + j] - n);
                }
                System.arraycopy(rec, o + 2 * h, rn, k, h);
                System.arraycopy(hh, k, out, (i * steps + t) * h, h);
            }
            rz[t] = gates;
            recurrentN[t] = rn;
            hidden[t] = hh;
        }
        return projected.node(out, new int[] {b, steps, h}, projected.requiresGrad() || wh.requiresGrad() || bh.requiresGrad(), dy -> {
            float[] dhNext = new float[b * h];
            float[] dRec = new float[b * g3];
            float[] dp = projected.requiresGrad() ? projected.grad() : null;
            float[] dw = wh.requiresGrad() ? wh.grad() : null;
            float[] db = bh.requiresGrad() ? bh.grad() : null;
            Blas.Operand weights = steps > 1 ? Blas.pin(w, 0, h * g3) : null;
            Blas.Operand dWeights = steps > 1 && dw != null ? Blas.accumulator(dw, 0, h * g3) : null;
            for (int t = steps - 1; t >= 0; t--) {
                float[] gates = rz[t];
                float[] rn = recurrentN[t];
                float[] hPrev = t > 0 ? hidden[t - 1] : null;
                float[] dhPrev = new float[b * h];
                for (int i = 0; i < b; i++) {
                    int o = i * g3;
                    int x = (i * steps + t) * g3;
                    for (int j = 0; j < h; j++) {
                        int k = i * h + j;
                        float dh = dy[(i * steps + t) * h + j] + dhNext[k];
                        float r = gates[o + j];
                        float z = gates[o + h + j];
                        float n = gates[o + 2 * h + j];
                        float prev = hPrev == null ? 0f : hPrev[k];
                        float dnPre = dh * (1 - z) * (1 - n * n);
                        float dzPre = dh * (prev - n) * z * (1 - z);
                        float drPre = dnPre * rn[k] * r * (1 - r);
                        dhPrev[k] = dh * z;
                        dRec[o + j] = drPre;
                        dRec[o + h + j] = dzPre;
                        dRec[o + 2 * h + j] = dnPre * r;
                        if (dp != null) {
                            dp[x + j] += drPre;
                            dp[x + h + j] += dzPre;
                            dp[x + 2 * h + j] += dnPre;
                        }
                    }
                }
                if (db != null) {
                    for (int i = 0; i < b; i++) {
                        for (int j = 0; j < g3; j++) {
                            db[j] += dRec[i * g3 + j];
                        }
                    }
                }
                if (t > 0) {
                    if (dWeights != null) {
                        Blas.gemmInto(true, false, h, g3, b, 1f, hPrev, 0, dRec, 0, dWeights);
                    }
                    Blas.gemm(false, true, b, h, g3, 1f, dRec, 0, weights, 1f, dhPrev, 0);
                }
                dhNext = dhPrev;
            }
            if (dWeights != null) {
                dWeights.copyTo(dw, 0);
            }
        });
    }
}
