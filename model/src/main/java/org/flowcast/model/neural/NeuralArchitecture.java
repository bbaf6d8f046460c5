package org.flowcast.model.neural;

import java.util.Map;
import org.flowcast.model.window.WindowSpec;

/**
 * A neural model is one of these: it says which windows it reads and builds its graph from the
 * inputs. Placeholders, scaling, the training loop, early stopping, checkpoints and model files are
 * written once, in {@link NeuralTrainer} and {@link NeuralForecaster}.
 */
public interface NeuralArchitecture {

    /** The registered name, e.g. {@code "at-conv-lstm"}. */
    String name();

    /** The windows this architecture reads for the given input length and horizon. */
    WindowSpec windowSpec(int inputSteps, int horizon);

    /** Builds the graph; every trainable variable comes from {@code weights}. */
    GraphOutputs build(GraphInputs inputs, Weights weights);

    /** The hyperparameters, for model files and reports. */
    Map<String, String> hyperparameters();
}
