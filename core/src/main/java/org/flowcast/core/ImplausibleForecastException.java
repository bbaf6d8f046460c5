package org.flowcast.core;

/**
 * A forecast no road carries, or whose intervals are out of order: the fault of the model that made it (a
 * damaged or edited model file, or training that diverged), never of the data. Its message names the value,
 * station, step and origin, and why it cannot be.
 */
public class ImplausibleForecastException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImplausibleForecastException(String message) {
        super(message);
    }
}
