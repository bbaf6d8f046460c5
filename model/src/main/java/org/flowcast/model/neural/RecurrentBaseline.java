package org.flowcast.model.neural;

import org.flowcast.model.Bounds;
import org.flowcast.model.autodiff.Tensor;
import org.flowcast.model.autodiff.Weights;
import org.flowcast.model.window.WindowSpec;

/**
 * The recurrent baselines: stacked LSTM or GRU layers over the recent window [B, P, N+8] (flows and
 * time features), sequence to vector, and a dense head from the last state to all H·N outputs.
 */
public final class RecurrentBaseline extends RecentWindowArchitecture<RecurrentBaseline.Parameters> {
    public static final String LSTM = "lstm";
    public static final String GRU = "gru";

    /** Typed hyperparameters; the defaults are the reference's 2 × 64. */
    public record Parameters(@Bounds(min = 1, max = 8) int layers, @Bounds(min = 1, max = 1024) int hidden) {
        public static Parameters defaults() {
            return new Parameters(2, 64);
        }
    }

    private final boolean gru;

    private RecurrentBaseline(String name, Parameters parameters, boolean gru) {
        super(name, parameters);
        this.gru = gru;
    }

    public static RecurrentBaseline lstm(Parameters parameters) {
        return new RecurrentBaseline(LSTM, parameters, false);
    }

    public static RecurrentBaseline gru(Parameters parameters) {
        return new RecurrentBaseline(GRU, parameters, true);
    }

    @Override
    public ModelSize size(WindowSpec spec, int stations) {
        long steps = spec.inputSteps();
        long width = spec.recentFeatures(stations);
        long weights = 0;
        long kept = steps * width;
        for (int layer = 0; layer < p.layers(); layer++) {
            weights += gru ? LayerSizes.gru(width, p.hidden()) : LayerSizes.lstm(width, p.hidden());
            kept += gru ? LayerSizes.gruKept(steps, p.hidden()) : LayerSizes.lstmKept(steps, p.hidden());
            width = p.hidden();
        }
        long outputs = (long) spec.horizon() * stations;
        return new ModelSize(weights + LayerSizes.dense(p.hidden(), outputs), kept + p.hidden() + outputs);
    }

    @Override
    public GraphOutputs build(GraphInputs in, Weights w) {
        Tensor sequence = in.recent();
        int width = in.features();
        for (int layer = 0; layer < p.layers(); layer++) {
            sequence = gru ? Layers.gru(w, "gru" + layer, sequence, width, p.hidden())
                    : Layers.lstm(w, "lstm" + layer, sequence, width, p.hidden());
            width = p.hidden();
        }
        return new GraphOutputs(Layers.dense(w, "head", sequence.lastStep(), p.hidden(), in.outputs()), null);
    }
}
