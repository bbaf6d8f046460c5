package org.flowcast.model.neural;

import org.flowcast.model.Bounds;
import org.flowcast.model.autodiff.Steps;
import org.flowcast.model.autodiff.Tensor;
import org.flowcast.model.autodiff.Weights;
import org.flowcast.model.window.WindowSpec;

/**
 * A temporal convolutional network after Bai, Kolter and Koltun (2018). With B the batch, P input
 * steps and C channels:
 * <pre>
 * recent [B, P, N+8] → 1×1 conv (dense per step) → [B, P, C]
 * residual blocks, dilation d = 1, 2, 4, 8:
 *   x + dropout(ReLU(norm(causal conv k3 d(dropout(ReLU(norm(causal conv k3 d(x))))))))
 *   (a causal tap j of kernel k reads step t − (k − 1 − j)·d; zeros before the window)
 * last step [B, C] → dense → [B, H·N]
 * </pre>
 * Normalisation is a layer norm over the channels of each step. The head reads the last step alone, so
 * only the positions that reach it are computed ({@link ReceptiveField}): 35 of the 96 positions of the
 * eight convolutions over a 12-step window, the same forecast as the whole network's (training ran at
 * 7,000 samples/s on Orange with every position computed, 18,000–20,000 with these). Dropout (Bai et al. drop whole channels,
 * here single elements) is 0 by default because the evaluation protocol trains without it.
 */
public final class TemporalConvolutionNetwork extends RecentWindowArchitecture<TemporalConvolutionNetwork.Parameters> {
    public static final String NAME = "tcn";

    /**
     * Typed hyperparameters: channels, kernel size, the number of blocks (dilations 1, 2, 4, ...) and the
     * dropout rate after each normalised convolution while training.
     */
    public record Parameters(@Bounds(min = 1, max = 1024) int channels, @Bounds(min = 1, max = 12) int kernel,
                             @Bounds(min = 1, max = 10) int blocks, double dropout) {
        public Parameters {
            if (channels < 1 || kernel < 1 || blocks < 1) {
                throw new IllegalArgumentException("channels, kernel and blocks must be positive");
            }
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout must be in [0, 1), not " + dropout);
            }
        }

        public static Parameters defaults() {
            return new Parameters(64, 3, 4, 0.0);
        }
    }

    public TemporalConvolutionNetwork(Parameters parameters) {
        super(NAME, parameters);
    }

    @Override
    public ModelSize size(WindowSpec spec, int stations) {
        long steps = spec.inputSteps();
        long features = spec.recentFeatures(stations);
        long c = p.channels();
        long outputs = (long) spec.horizon() * stations;
        long weights = LayerSizes.dense(features, c) + p.blocks() * 2 * (LayerSizes.convolve(p.kernel(), c, c) + LayerSizes.layerNorm(c))
                + LayerSizes.dense(c, outputs);
        // per block: two convolutions (their taps and output), two norms, two dropouts and the sum
        long kept = steps * features + steps * c + p.blocks() * steps * c * (2L * (p.kernel() + 1) + 5) + outputs;
        return new ModelSize(weights, kept);
    }

    @Override
    public GraphOutputs build(GraphInputs in, Weights w) {
        int c = p.channels();
        int[][] offsets = new int[p.blocks()][];
        for (int block = 0; block < p.blocks(); block++) {
            offsets[block] = causalOffsets(p.kernel(), 1 << block);
        }
        // Only the positions that reach the head's last step are computed (ReceptiveField): the same result.
        ReceptiveField field = ReceptiveField.of(in.inputSteps(), offsets);
        Tensor recent = field.first().length == in.inputSteps() ? in.recent() : Steps.select(in.recent(), field.first());
        Tensor x = Layers.dense(w, "input", recent, in.features(), c);                        // [B, positions, C]
        for (int block = 0; block < p.blocks(); block++) {
            String name = "block" + block;
            Tensor y = Layers.convolveAt(w, name + "a", x, field.inputs()[block], c, c, field.middles()[block], offsets[block]);
            y = in.dropout().apply(Layers.layerNormRelu(w, name + "a_norm", y, c), p.dropout());
            y = Layers.convolveAt(w, name + "b", y, field.middles()[block], c, c, field.outputs()[block], offsets[block]);
            y = in.dropout().apply(Layers.layerNormRelu(w, name + "b_norm", y, c), p.dropout());
            x = Steps.select(x, field.residual(block)).add(y);
        }
        return new GraphOutputs(Layers.dense(w, "head", x.lastStep(), c, in.outputs()), null);
    }

    private static int[] causalOffsets(int kernel, int dilation) {
        int[] offsets = new int[kernel];
        for (int j = 0; j < kernel; j++) {
            offsets[j] = (kernel - 1 - j) * dilation;
        }
        return offsets;
    }
}
