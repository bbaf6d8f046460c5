package org.flowcast.core;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted model, complete in itself: predicts the next {@link #horizonSteps()} steps of flow at every
 * station it was fitted on, from a history that ends at the origin, with the prediction intervals of its
 * calibration, and writes all of it to one model file. It never changes the history it is given.
 */
public interface Forecaster {

    String modelName();

    /** The stations it forecasts, in the order its forecasts give them. */
    List<Integer> stationIds();

    int horizonSteps();

    /**
     * How many steps before the origin, the origin included, {@link #predict} reads; the history
     * must hold them (values may be missing).
     */
    int historySteps();

    /**
     * Steps before the {@link #historySteps()} window from which the model may carry a value forward into
     * it (its gap filling): a history that starts this much earlier gives the same forecast wherever the
     * caller's range begins.
     */
    default int warmUpSteps() {
        return 0;
    }

    /**
     * Forecasts from {@code origin}, a grid time of {@code history}; later values of the history,
     * if any, are not read.
     */
    Forecast predict(SensorSeries history, Instant origin);

    /** Forecasts from each origin, in order (neural models batch them); the default forecasts them one by one. */
    default List<Forecast> predictAll(SensorSeries history, List<Instant> origins) {
        List<Forecast> forecasts = new ArrayList<>(origins.size());
        for (Instant origin : origins) {
            forecasts.add(predict(history, origin));
        }
        return forecasts;
    }

    /** The split-conformal calibration its forecasts' intervals come from; empty where it has none. */
    default List<ConformalIntervals> calibration() {
        return List.of();
    }

    /** How many fitted weights it has (0 for the statistical baselines, whose fitted values are not weights). */
    default long parameterCount() {
        return 0;
    }

    Provenance provenance();

    /** Writes a self-contained model file that the model module's loader reads back. */
    void save(Path file) throws IOException;
}
