package org.flowcast.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flowcast.core.Channel;
import org.flowcast.core.Forecast;
import org.flowcast.core.Forecaster;
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

    /** The share of observed test flows inside a forecast's interval of the given level. */
    static double coverage(Forecaster forecaster, SensorSeries part, List<Instant> origins, double level) {
        long inside = 0;
        long counted = 0;
        for (Forecast f : forecaster.predictAll(part, origins)) {
            int t = part.indexOf(f.origin());
            var interval = f.interval(level).orElseThrow();
            for (int h = 1; h <= f.horizonSteps(); h++) {
                for (int s = 0; s < part.stationCount(); s++) {
                    float truth = part.value(t + h, s, Channel.FLOW);
                    if (Metric.counts(truth)) {
                        counted++;
                        inside += truth >= interval.lower(h, s) && truth <= interval.upper(h, s) ? 1 : 0;
                    }
                }
            }
        }
        return (double) inside / counted;
    }

    static double mae(Forecaster forecaster, SensorSeries part, List<Instant> origins) {
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
