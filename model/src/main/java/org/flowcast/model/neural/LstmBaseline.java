package org.flowcast.model.neural;

import java.util.Map;
import org.flowcast.model.TypedParameters;
import org.flowcast.model.window.WindowSpec;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The LSTM baseline: stacked LSTMs over the recent window [B, P, N+8] (flows and time features),
 * sequence to vector, and a dense head from the last state to all H·N outputs.
 */
public final class LstmBaseline implements NeuralArchitecture {
    public static final String NAME = "lstm";

    /** Typed hyperparameters; the defaults are the reference's 2 × 64. */
    public record Parameters(int layers, int hidden) {
        public static Parameters defaults() {
            return new Parameters(2, 64);
        }
    }

    private final Parameters p;

    public LstmBaseline(Parameters parameters) {
        this.p = parameters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WindowSpec windowSpec(int inputSteps, int horizon) {
        return new WindowSpec(inputSteps, horizon, false, false);
    }

    @Override
    public GraphOutputs build(GraphInputs in, Weights w) {
        SDVariable sequence = in.recent();
        long width = in.features();
        Layers.LstmOutput out = null;
        for (int layer = 0; layer < p.layers(); layer++) {
            out = Layers.lstm(w, "lstm" + layer, sequence, in.inputSteps(), width, p.hidden(), false);
            sequence = out.sequence();
            width = p.hidden();
        }
        return new GraphOutputs(Layers.dense(w, "head", out.last(), p.hidden(), in.outputs()), null);
    }

    @Override
    public Map<String, String> hyperparameters() {
        return TypedParameters.toText(p);
    }
}
