package org.flowcast.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flowcast.core.Forecast;
import org.flowcast.core.Forecaster;
import org.flowcast.core.SensorSeries;

/**
 * A {@link Forecaster} that forecasts many origins of one history at once (neural models batch them)
 * and knows the stations it was fitted on, in the order its forecasts give them.
 */
public interface BatchForecaster extends Forecaster {

    List<Integer> stationIds();

    /** Forecasts from each origin, in order; the default forecasts them one by one. */
    default List<Forecast> predictAll(SensorSeries history, List<Instant> origins) {
        List<Forecast> forecasts = new ArrayList<>(origins.size());
        for (Instant origin : origins) {
            forecasts.add(predict(history, origin));
        }
        return forecasts;
    }
}
