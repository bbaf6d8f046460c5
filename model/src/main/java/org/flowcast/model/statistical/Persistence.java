package org.flowcast.model.statistical;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Provenance;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.StoredForecaster;

/** Persistence: every horizon step repeats the last known flow (looking back up to an hour). */
public final class Persistence extends StatisticalForecaster {
    public static final String NAME = "persistence";
    static final int LOOKBACK = 12;

    /** Rebuilds the model from its file. */
    public static StoredForecaster load(StatisticalModelFiles.Fitted f) {
        return new Persistence(f.horizon(), f.stationIds(), f.fallback(), f.provenance());
    }

    Persistence(int horizon, List<Integer> stationIds, float fallback, Provenance provenance) {
        super(NAME, horizon, stationIds, fallback, provenance);
    }

    /** Fits nothing but the fallback. */
    public static ForecastTrainer trainer(int horizon) {
        return new StatisticalTrainer(NAME, train -> new Persistence(horizon, ids(train), meanFlow(train),
                Provenance.of(NAME, Map.of("horizon", String.valueOf(horizon)), train, 0)));
    }

    static List<Integer> ids(SensorSeries series) {
        return Arrays.stream(series.stationIds()).boxed().toList();
    }

    @Override
    public int historySteps() {
        return LOOKBACK;
    }

    @Override
    float forecast(SensorSeries history, int t, int s, int h) {
        return lastKnown(history, t, s, LOOKBACK);
    }

    @Override
    Map<String, FloatArray> arrays() {
        return Map.of();
    }
}
