package org.flowcast.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flowcast.core.Channel;
import org.flowcast.core.Forecast;
import org.flowcast.core.HorizonErrors;
import org.flowcast.core.Metric;
import org.flowcast.core.SensorSeries;

/** Masked MAE of a forecaster over every origin of a split part, for the model tests. */
final class Evaluation {
    private Evaluation() {
    }

    static List<Instant> origins(SensorSeries part, int lookback, int horizon, int every) {
        List<Instant> origins = new ArrayList<>();
        for (int t = lookback - 1; t + horizon < part.length(); t += every) {
            origins.add(part.timeAt(t));
        }
        return origins;
    }

    static double mae(BatchForecaster forecaster, SensorSeries part, List<Instant> origins) {
        HorizonErrors errors = new HorizonErrors(forecaster.horizonSteps());
        for (Forecast f : forecaster.predictAll(part, origins)) {
            int t = part.indexOf(f.origin());
            float[][] truth = new float[f.horizonSteps()][part.stationCount()];
            for (int h = 1; h <= f.horizonSteps(); h++) {
                for (int s = 0; s < part.stationCount(); s++) {
                    truth[h - 1][s] = part.value(t + h, s, Channel.FLOW);
                }
            }
            errors.add(f, truth);
        }
        return errors.pooled(Metric.MAE);
    }
}
