package org.flowcast.model.neural;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A Transformer encoder after Vaswani et al. (2017) over the recent window. With B the batch, P input
 * steps, D the model width and K heads:
 * <pre>
 * recent [B, P, N+8] → dense D + sinusoidal positions
 * 2 post-norm layers: x = norm(x + MultiHead(x)); x = norm(x + FFN(x))
 *   MultiHead: Q, K, V [B, K, P, D/K]; softmax(Q Kᵀ / √(D/K)) V; heads joined and projected
 * last step [B, D] → dense → [B, H·N]
 * </pre>
 * The attention of the last layer's last query over the P steps, averaged over heads, is returned as
 * the model's attention weights [B, P].
 */
public final class TransformerEncoder extends RecentWindowArchitecture<TransformerEncoder.Parameters> {
    public static final String NAME = "transformer";

    /** Typed hyperparameters; the defaults are the reference's. */
    public record Parameters(int width, int heads, int layers, int feedForward) {
        public static Parameters defaults() {
            return new Parameters(64, 4, 2, 128);
        }
    }

    public TransformerEncoder(Parameters parameters) {
        super(NAME, check(parameters));
    }

    private static Parameters check(Parameters parameters) {
        if (parameters.width() % parameters.heads() != 0) {
            throw new IllegalArgumentException("width must be a multiple of heads");
        }
        return parameters;
    }

    @Override
    public GraphOutputs build(GraphInputs in, Weights w) {
        SameDiff sd = in.sd();
        int steps = in.inputSteps();
        long d = p.width();
        SDVariable x = Layers.denseTime(w, "input", in.recent(), steps, in.features(), d).add(positions(w, steps, d));
        SDVariable attention = null;
        for (int layer = 0; layer < p.layers(); layer++) {
            String name = "layer" + layer;
            SDVariable[] attended = selfAttention(w, name, x, steps);
            attention = attended[1];
            x = Layers.layerNorm(w, name + "_norm1", x.add(attended[0]), d, 2);
            SDVariable hidden = sd.nn().relu(Layers.denseTime(w, name + "_ff1", x, steps, d, p.feedForward()), 0);
            x = Layers.layerNorm(w, name + "_norm2", x.add(Layers.denseTime(w, name + "_ff2", hidden, steps, p.feedForward(), d)), d, 2);
        }
        SDVariable prediction = Layers.dense(w, "head", Layers.lastStep(sd, x, steps, d), d, in.outputs());
        // [B, K, P, P] → last query row [B, K, 1, P] → mean over heads [B, P]
        SDVariable lastQuery = attention.get(SDIndex.all(), SDIndex.all(), SDIndex.interval((long) steps - 1, (long) steps), SDIndex.all());
        return new GraphOutputs(prediction, sd.reshape(lastQuery.mean(1), -1, steps));
    }

    /** Multi-head scaled dot-product self-attention: the output [B, P, D] and the weights [B, K, P, P]. */
    private SDVariable[] selfAttention(Weights w, String name, SDVariable x, int steps) {
        SameDiff sd = w.sd();
        long d = p.width();
        long heads = p.heads();
        long size = d / heads;
        SDVariable q = split(sd, Layers.denseTime(w, name + "_q", x, steps, d, d), steps, heads, size);
        SDVariable k = split(sd, Layers.denseTime(w, name + "_k", x, steps, d, d), steps, heads, size);
        SDVariable v = split(sd, Layers.denseTime(w, name + "_v", x, steps, d, d), steps, heads, size);
        SDVariable scores = sd.mmul(q, k, false, true, false).div(Math.sqrt(size));          // [B, K, P, P]
        SDVariable weights = sd.nn().softmax(scores, 3);
        SDVariable joined = sd.reshape(sd.permute(sd.mmul(weights, v), 0, 2, 1, 3), -1, steps, d);
        return new SDVariable[] {Layers.denseTime(w, name + "_o", joined, steps, d, d), weights};
    }

    private static SDVariable split(SameDiff sd, SDVariable x, int steps, long heads, long size) {
        return sd.permute(sd.reshape(x, -1, steps, heads, size), 0, 2, 1, 3);
    }

    private static SDVariable positions(Weights w, int steps, long d) {
        double[][] table = new double[steps][(int) d];
        for (int pos = 0; pos < steps; pos++) {
            for (int i = 0; i < d; i++) {
                double angle = pos / Math.pow(10000, 2.0 * (i / 2) / d);
                table[pos][i] = i % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
            }
        }
        return w.sd().constant(Nd4j.create(table).castTo(w.type()).reshape(1, steps, d));
    }
}
