package org.flowcast.model.neural;

/**
 * The size of an architecture for given windows and stations, known before it is built: its number of weights
 * (exact) and, roughly, the floats one window's forward pass keeps for the backward pass (layer outputs and
 * the state recurrent layers save).
 */
public record ModelSize(long parameters, long activationsPerWindow) {
    public ModelSize {
        if (parameters < 0 || activationsPerWindow < 0) {
            throw new IllegalArgumentException("a model's size is not negative: " + parameters + " weights, " + activationsPerWindow
                    + " activations per window");
        }
    }
}
