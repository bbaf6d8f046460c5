package org.flowcast.model.statistical;

import java.util.function.Function;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.core.SensorSeries;

/** A statistical baseline's trainer: it fits on the training series alone; validation is not needed. */
record StatisticalTrainer(String modelName, Function<SensorSeries, Forecaster> fitter) implements ForecastTrainer {
    @Override
    public Forecaster fit(SensorSeries train, SensorSeries validation) {
        return fitter.apply(train);
    }
}
