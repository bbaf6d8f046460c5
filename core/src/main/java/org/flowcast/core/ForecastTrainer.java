package org.flowcast.core;

/**
 * Fits one kind of model. Training and validation series share stations and step; the trainer
 * never changes them. The returned {@link Forecaster} is independent of the trainer.
 */
public interface ForecastTrainer {

    /** The registered name of the model this trainer fits, e.g. {@code "persistence"}. */
    String modelName();

    Forecaster fit(SensorSeries train, SensorSeries validation);

    /**
     * Steps of history one training window reads, the origin included; 0 for a model fitted on
     * rows rather than windows. Lets an evaluation give every model the same training windows.
     */
    default int lookbackSteps() {
        return 0;
    }
}
