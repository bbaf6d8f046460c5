package org.flowcast.model.neural;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowcast.model.autodiff.AttentionOps;
import org.flowcast.model.autodiff.Tensor;
import org.flowcast.model.autodiff.Weights;
import org.junit.jupiter.api.Test;

/** The Transformer's last layer works at the step its head reads, and forecasts what the whole encoder would. */
class TransformerEncoderTest {

    @Test
    void forecastAndAttentionEqualTheWholeEncoderComputedAtEveryStep() {
        PrunedPass pass = new PrunedPass(3, 6, 2, 2);
        TransformerEncoder.Parameters p = new TransformerEncoder.Parameters(8, 2, 2, 12);
        GraphOutputs pruned = new TransformerEncoder(p).build(pass.inputs, pass.weights());

        GraphOutputs whole = wholeEncoder(pass.weights(), pass.inputs, p);

        assertThat(PrunedPass.worstDifference(pruned.prediction().data(), whole.prediction().data())).isLessThan(1e-5);
        assertThat(PrunedPass.worstDifference(pruned.attention().data(), whole.attention().data())).isLessThan(1e-5);
    }

    /** Vaswani et al.'s encoder as the class documents it, every layer at every step, with the same weights. */
    private static GraphOutputs wholeEncoder(Weights w, GraphInputs in, TransformerEncoder.Parameters p) {
        int steps = in.inputSteps();
        int d = p.width();
        Tensor x = Layers.dense(w, "input", in.recent(), in.features(), d).reshape(-1, steps * d)
                .add(positions(w, in.recent().dim(0), steps, d)).reshape(-1, steps, d);
        Tensor attention = null;
        for (int layer = 0; layer < p.layers(); layer++) {
            String name = "layer" + layer;
            Tensor q = Layers.dense(w, name + "_q", x, d, d);
            Tensor k = Layers.dense(w, name + "_k", x, d, d);
            Tensor v = Layers.dense(w, name + "_v", x, d, d);
            attention = AttentionOps.softmax(AttentionOps.headScores(q, k, p.heads(), (float) (1 / Math.sqrt(d / p.heads()))));
            Tensor attended = Layers.dense(w, name + "_o", AttentionOps.headMix(attention, v), d, d);
            x = Layers.layerNorm(w, name + "_norm1", x.add(attended), d);
            Tensor hidden = Layers.denseRelu(w, name + "_ff1", x, d, p.feedForward());
            x = Layers.layerNorm(w, name + "_norm2", x.add(Layers.dense(w, name + "_ff2", hidden, p.feedForward(), d)), d);
        }
        return new GraphOutputs(Layers.dense(w, "head", x.lastStep(), d, in.outputs()), AttentionOps.lastQueryMeanOverHeads(attention));
    }

    private static Tensor positions(Weights w, int batch, int steps, int d) {
        float[] table = new float[batch * steps * d];
        for (int b = 0; b < batch; b++) {
            for (int pos = 0; pos < steps; pos++) {
                for (int i = 0; i < d; i++) {
                    double angle = pos / Math.pow(10000, 2.0 * (i / 2) / d);
                    table[(b * steps + pos) * d + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
                }
            }
        }
        return w.tape().constant(table, batch, steps * d);
    }
}
