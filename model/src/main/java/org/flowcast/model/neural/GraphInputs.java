package org.flowcast.model.neural;
import org.flowcast.model.autodiff.Tensor;
import org.flowcast.model.window.WindowSpec;

/**
 * The inputs of a forward pass: {@code recent} [batch, inputSteps, stations + 8] (z-scored flows, then
 * time of day and a one-hot day of week), and, where the window spec asks for them, {@code daily} and
 * {@code weekly} [batch, inputSteps + horizon, stations] (z-scored flows one day / one week earlier).
 * Null where absent. {@code dropout} is {@link Dropout#OFF} except in a training pass.
 */
public record GraphInputs(Tensor recent, Tensor daily, Tensor weekly, int stations, int inputSteps, int horizon, Dropout dropout) {

    /** The inputs of a pass without dropout (prediction, gradient checks). */
    public GraphInputs(Tensor recent, Tensor daily, Tensor weekly, int stations, int inputSteps, int horizon) {
        this(recent, daily, weekly, stations, inputSteps, horizon, Dropout.OFF);
    }

    public int features() {
        return stations + WindowSpec.TIME_FEATURES;
    }

    public int outputs() {
        return stations * horizon;
    }
}
