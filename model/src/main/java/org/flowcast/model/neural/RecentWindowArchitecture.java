package org.flowcast.model.neural;

import java.util.Map;
import org.flowcast.model.TypedParameters;
import org.flowcast.model.window.WindowSpec;

/**
 * What the baselines that read only the recent window share: a name, a typed hyperparameter record
 * written into model files, and a window spec without periodic inputs.
 */
abstract class RecentWindowArchitecture<P extends Record> implements NeuralArchitecture {
    private final String name;
    final P p;

    RecentWindowArchitecture(String name, P parameters) {
        this.name = name;
        this.p = parameters;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final WindowSpec windowSpec(int inputSteps, int horizon) {
        return new WindowSpec(inputSteps, horizon, false, false);
    }

    @Override
    public final Map<String, String> hyperparameters() {
        return TypedParameters.toText(p);
    }
}
