package org.flowcast.model.statistical;

import java.util.List;
import java.util.Map;
import org.flowcast.core.Channel;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Provenance;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.StoredForecaster;
import org.flowcast.model.window.WindowSpec;

/**
 * Seasonal naive: the flow of the same 5-minute slot one week earlier, or one day earlier where the
 * week-old value is missing (with {@code weekly} false, one day earlier only).
 */
public final class SeasonalNaive extends StatisticalForecaster {
    public static final String NAME = "seasonal-naive";
    private final boolean weekly;

    /** Rebuilds the model from its file. */
    public static StoredForecaster load(StatisticalModelFiles.Fitted f) {
        return new SeasonalNaive(f.horizon(), f.values("weekly", 1)[0] > 0, f.stationIds(), f.fallback(), f.provenance());
    }

    SeasonalNaive(int horizon, boolean weekly, List<Integer> stationIds, float fallback, Provenance provenance) {
        super(NAME, horizon, stationIds, fallback, provenance);
        this.weekly = weekly;
    }

    /** Typed hyperparameters: whether to look one week back (else one day only). */
    public record Parameters(boolean weekly) {
        public static Parameters defaults() {
            return new Parameters(true);
        }
    }

    public static ForecastTrainer trainer(int horizon, boolean weekly) {
        return new StatisticalTrainer(NAME, train -> new SeasonalNaive(horizon, weekly, Persistence.ids(train), meanFlow(train),
                Provenance.of(NAME, Map.of("horizon", String.valueOf(horizon), "weekly", String.valueOf(weekly)), train, 0)));
    }

    boolean weekly() {
        return weekly;
    }

    @Override
    public int historySteps() {
        return weekly ? WindowSpec.WEEK_STEPS : WindowSpec.DAY_STEPS;
    }

    @Override
    float forecast(SensorSeries history, int t, int s, int h) {
        int target = t + h;
        if (weekly && target - WindowSpec.WEEK_STEPS >= 0) {
            float v = history.value(target - WindowSpec.WEEK_STEPS, s, Channel.FLOW);
            if (!Float.isNaN(v)) {
                return v;
            }
        }
        return target - WindowSpec.DAY_STEPS >= 0 ? history.value(target - WindowSpec.DAY_STEPS, s, Channel.FLOW) : Float.NaN;
    }

    @Override
    Map<String, FloatArray> arrays() {
        return Map.of("weekly", new FloatArray(new long[] {1}, new float[] {weekly ? 1 : 0}));
    }
}
