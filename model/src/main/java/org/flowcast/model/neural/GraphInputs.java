package org.flowcast.model.neural;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The placeholders a model's graph reads: {@code recent} [batch, inputSteps, stations + 8] (z-scored
 * flows, then time of day and a one-hot day of week), and, where the window spec asks for them,
 * {@code daily} and {@code weekly} [batch, inputSteps + horizon, stations] (z-scored flows one day /
 * one week earlier). Null where absent.
 */
public record GraphInputs(SameDiff sd, SDVariable recent, SDVariable daily, SDVariable weekly,
                          int stations, int inputSteps, int horizon) {

    public int features() {
        return stations + org.flowcast.model.window.WindowSpec.TIME_FEATURES;
    }

    public int outputs() {
        return stations * horizon;
    }
}
