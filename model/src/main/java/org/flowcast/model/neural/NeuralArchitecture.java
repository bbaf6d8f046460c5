package org.flowcast.model.neural;

import java.util.Map;
import org.flowcast.model.autodiff.Weights;
import org.flowcast.model.window.WindowSpec;

/**
 * A neural model is one of these: it says which windows it reads and runs its forward pass on the
 * inputs (the pass is recorded, so no backward pass is written per model). Scaling, the training
 * loop, early stopping, checkpoints and model files are written once, in {@link NeuralTrainer} and
 * {@link NeuralForecaster}.
 */
public interface NeuralArchitecture {

    /** The registered name, e.g. {@code "at-conv-lstm"}. */
    String name();

    /** The windows this architecture reads for the given input length and horizon. */
    WindowSpec windowSpec(int inputSteps, int horizon);

    /** The forward pass; every trainable array comes from {@code weights}, by a name stable across passes. */
    GraphOutputs build(GraphInputs inputs, Weights weights);

    /**
     * Its size for these windows and stations, without building it: the exact number of weights compiling it
     * creates (a test holds every architecture to it) and roughly what a window's training pass keeps, from
     * which {@link TrainingMemory} estimates what training holds before anything is allocated.
     */
    ModelSize size(WindowSpec spec, int stations);

    /** The hyperparameters, for model files and reports. */
    Map<String, String> hyperparameters();
}
