package org.flowcast.model.neural;

import org.flowcast.model.autodiff.Tensor;
import org.flowcast.model.autodiff.Weights;

/**
 * The recurrent baselines: stacked LSTM or GRU layers over the recent window [B, P, N+8] (flows and
 * time features), sequence to vector, and a dense head from the last state to all H·N outputs.
 */
public final class RecurrentBaseline extends RecentWindowArchitecture<RecurrentBaseline.Parameters> {
    public static final String LSTM = "lstm";
    public static final String GRU = "gru";

    /** Typed hyperparameters; the defaults are the reference's 2 × 64. */
    public record Parameters(int layers, int hidden) {
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
