package org.flowcast.model.neural;

import org.flowcast.model.Bounds;
import org.flowcast.model.autodiff.AttentionOps;
import org.flowcast.model.autodiff.Tensor;
import org.flowcast.model.autodiff.Weights;
import org.flowcast.model.window.WindowSpec;

/**
 * A Transformer encoder after Vaswani et al. (2017) over the recent window. With B the batch, P input
 * steps, D the model width and K heads:
 * <pre>
 * recent [B, P, N+8] → dense D + sinusoidal positions
 * 2 post-norm layers: x = norm(x + MultiHead(x)); x = norm(x + FFN(x))
 *   MultiHead: Q, K, V [B, P, D], head k the k-th block of D/K columns; softmax(Q Kᵀ / √(D/K)) V; heads joined and projected
 * last step [B, D] → dense → [B, H·N]
 * </pre>
 * The head reads the last step alone, so the last layer computes its query, sums, norms and feed-forward at
 * that step only: the same forecast with less work. The attention of the last layer's last query over the P
 * steps, averaged over heads, is returned as the model's attention weights [B, P].
 */
public final class TransformerEncoder extends RecentWindowArchitecture<TransformerEncoder.Parameters> {
    public static final String NAME = "transformer";

    /** Typed hyperparameters; the defaults are the reference's. */
    public record Parameters(@Bounds(min = 1, max = 1024) int width, @Bounds(min = 1, max = 64) int heads,
                             @Bounds(min = 1, max = 12) int layers, @Bounds(min = 1, max = 4096) int feedForward) {
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
    public ModelSize size(WindowSpec spec, int stations) {
        long steps = spec.inputSteps();
        long features = spec.recentFeatures(stations);
        long d = p.width();
        long f = p.feedForward();
        long outputs = (long) spec.horizon() * stations;
        long weights = LayerSizes.dense(features, d)
                + p.layers() * (4 * LayerSizes.dense(d, d) + 2 * LayerSizes.layerNorm(d) + LayerSizes.dense(d, f) + LayerSizes.dense(f, d))
                + LayerSizes.dense(d, outputs);
        // per layer: Q, K, V, the mixed heads, their projection, two sums and two norms; each head's scores and softmax; the feed-forward
        long kept = steps * features + 2 * steps * d + p.layers() * (9 * steps * d + 2L * p.heads() * steps * steps + steps * f) + outputs;
        return new ModelSize(weights, kept);
    }

    @Override
    public GraphOutputs build(GraphInputs in, Weights w) {
        int steps = in.inputSteps();
        int d = p.width();
        Tensor x = Layers.dense(w, "input", in.recent(), in.features(), d)
                .reshape(-1, steps * d).add(positions(w, in.recent().dim(0), steps, d)).reshape(-1, steps, d);
        Tensor attention = null;
        for (int layer = 0; layer < p.layers(); layer++) {
            String name = "layer" + layer;
            // The head reads the last step alone: the last layer asks with that step's query only, and computes its sums,
            // norms and feed-forward there only, while its keys and values still come from every step.
            Tensor asking = layer == p.layers() - 1 ? x.lastStep().reshape(-1, 1, d) : x;
            Tensor q = Layers.dense(w, name + "_q", asking, d, d);
            Tensor k = Layers.dense(w, name + "_k", x, d, d);
            Tensor v = Layers.dense(w, name + "_v", x, d, d);
            attention = AttentionOps.softmax(AttentionOps.headScores(q, k, p.heads(), (float) (1 / Math.sqrt(d / p.heads()))));
            Tensor attended = Layers.dense(w, name + "_o", AttentionOps.headMix(attention, v), d, d);
            x = Layers.layerNorm(w, name + "_norm1", asking.add(attended), d);
            Tensor hidden = Layers.denseRelu(w, name + "_ff1", x, d, p.feedForward());
            x = Layers.layerNorm(w, name + "_norm2", x.add(Layers.dense(w, name + "_ff2", hidden, p.feedForward(), d)), d);
        }
        Tensor prediction = Layers.dense(w, "head", x.lastStep(), d, in.outputs());
        return new GraphOutputs(prediction, AttentionOps.lastQueryMeanOverHeads(attention));
    }

    /** The sinusoidal position table repeated for each window of the batch: [B, P·D]. */
    private static Tensor positions(Weights w, int batch, int steps, int d) {
        float[] table = new float[batch * steps * d];
        for (int pos = 0; pos < steps; pos++) {
            for (int i = 0; i < d; i++) {
                double angle = pos / Math.pow(10000, 2.0 * (i / 2) / d);
                table[pos * d + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        for (int b = 1; b < batch; b++) {
            System.arraycopy(table, 0, table, b * steps * d, steps * d);
        }
        return w.tape().constant(table, batch, steps * d);
    }
}
