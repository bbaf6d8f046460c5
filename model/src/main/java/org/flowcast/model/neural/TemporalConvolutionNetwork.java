package org.flowcast.model.neural;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A temporal convolutional network after Bai, Kolter and Koltun (2018). With B the batch, P input
 * steps and C channels:
 * <pre>
 * recent [B, P, N+8] → permute [B, N+8, P] → 1×1 conv → [B, C, P]
 * residual blocks, dilation d = 1, 2, 4, 8: x + ReLU(norm(causal conv k3 d(ReLU(norm(causal conv k3 d(x))))))
 * last step [B, C] → dense → [B, H·N]
 * </pre>
 * Normalisation is a layer norm over the channels of each step; the reference trains without dropout.
 */
public final class TemporalConvolutionNetwork extends RecentWindowArchitecture<TemporalConvolutionNetwork.Parameters> {
    public static final String NAME = "tcn";

    /** Typed hyperparameters: channels, kernel size and the number of blocks (dilations 1, 2, 4, ...). */
    public record Parameters(int channels, int kernel, int blocks) {
        public static Parameters defaults() {
            return new Parameters(64, 3, 4);
        }
    }

    public TemporalConvolutionNetwork(Parameters parameters) {
        super(NAME, parameters);
    }

    @Override
    public GraphOutputs build(GraphInputs in, Weights w) {
        SameDiff sd = in.sd();
        long c = p.channels();
        int steps = in.inputSteps();
        SDVariable x = Layers.conv1d(w, "input", sd.permute(in.recent(), 0, 2, 1), in.features(), c, 1, 1, true);   // [B, C, P]
        for (int block = 0; block < p.blocks(); block++) {
            int dilation = 1 << block;
            SDVariable y = Layers.conv1d(w, "block" + block + "a", x, c, c, p.kernel(), dilation, true);
            y = sd.nn().relu(channelNorm(w, "block" + block + "a_norm", y, steps, c), 0);
            y = Layers.conv1d(w, "block" + block + "b", y, c, c, p.kernel(), dilation, true);
            y = sd.nn().relu(channelNorm(w, "block" + block + "b_norm", y, steps, c), 0);
            x = x.add(y);
        }
        SDVariable last = sd.reshape(x.get(org.nd4j.autodiff.samediff.SDIndex.all(), org.nd4j.autodiff.samediff.SDIndex.all(),
                org.nd4j.autodiff.samediff.SDIndex.interval((long) steps - 1, (long) steps)), -1, c);
        return new GraphOutputs(Layers.dense(w, "head", last, c, in.outputs()), null);
    }

    /** Layer norm over the channels of each step of [B, C, P]. */
    private static SDVariable channelNorm(Weights w, String name, SDVariable x, int steps, long channels) {
        SameDiff sd = w.sd();
        SDVariable stepsLast = sd.permute(x, 0, 2, 1);                       // [B, P, C]
        return sd.permute(Layers.layerNorm(w, name, stepsLast, channels, 2), 0, 2, 1);
    }
}
