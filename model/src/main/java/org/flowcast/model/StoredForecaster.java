package org.flowcast.model;

import java.io.IOException;
import java.nio.file.Path;
import org.flowcast.core.Forecaster;
import org.flowcast.model.window.FlowMatrix;

/** A forecaster of this module: what it saves is its manifest and named arrays, written by {@link ModelFile} alone. */
public interface StoredForecaster extends Forecaster {

    /**
     * A day: the models of this module fill gaps by carrying a value forward for up to
     * {@link FlowMatrix#CARRY_LIMIT_STEPS} steps, so a history that starts a day earlier gives the same forecast.
     */
    @Override
    default int warmUpSteps() {
        return FlowMatrix.CARRY_LIMIT_STEPS;
    }

    /** The manifest (a fresh one on each call, free to add to) and the arrays of its model file. */
    ModelFile.Contents contents();

    @Override
    default void save(Path file) throws IOException {
        ModelFile.Contents contents = contents();
        ModelFile.write(file, contents.manifest(), contents.arrays());
    }
}
