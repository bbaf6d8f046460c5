package org.flowcast.core;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A fitted model: predicts the next {@link #horizonSteps()} steps of flow at every station it was
 * fitted on, from a history that ends at the origin. It never changes the history it is given.
 */
public interface Forecaster {

    String modelName();

    int horizonSteps();

    /**
     * How many steps before the origin, the origin included, {@link #predict} reads; the history
     * must hold them (values may be missing).
     */
    int historySteps();

    /**
     * Forecasts from {@code origin}, a grid time of {@code history}; later values of the history,
     * if any, are not read.
     */
    Forecast predict(SensorSeries history, Instant origin);

    Provenance provenance();

    /** Writes a self-contained model file that the model module's loader reads back. */
    void save(Path file) throws IOException;
}
