package org.flowcast.model.statistical;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.flowcast.core.Channel;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.PemsTime;
import org.flowcast.core.Provenance;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.StoredForecaster;

/**
 * Historical average: for each station, the mean training flow of each 5-minute slot of the day
 * (Pacific time), kept apart for weekdays and weekends.
 */
public final class HistoricalAverage extends StatisticalForecaster {
    public static final String NAME = "historical-average";
    static final int SLOTS = 288;
    /** [dayType][slot][station], NaN where training had no value. */
    private final float[] profile;

    /** Rebuilds the model from its file. */
    public static StoredForecaster load(StatisticalModelFiles.Fitted f) {
        return new HistoricalAverage(f.horizon(), f.stationIds(), f.fallback(), f.provenance(), f.valuesWithGaps("profile", 2, SLOTS,
                f.stationIds().size()));
    }

    HistoricalAverage(int horizon, List<Integer> stationIds, float fallback, Provenance provenance, float[] profile) {
        super(NAME, horizon, stationIds, fallback, provenance);
        this.profile = profile;
    }

    public static ForecastTrainer trainer(int horizon) {
        return new StatisticalTrainer(NAME, train -> fit(train, horizon));
    }

    private static HistoricalAverage fit(SensorSeries train, int horizon) {
        int n = train.stationCount();
        double[] sum = new double[2 * SLOTS * n];
        int[] count = new int[2 * SLOTS * n];
        for (int t = 0; t < train.length(); t++) {
            int base = key(train, t) * n;
            for (int s = 0; s < n; s++) {
                float v = train.value(t, s, Channel.FLOW);
                if (!Float.isNaN(v)) {
                    sum[base + s] += v;
                    count[base + s]++;
                }
            }
        }
        float[] profile = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            profile[i] = count[i] == 0 ? Float.NaN : (float) (sum[i] / count[i]);
        }
        return new HistoricalAverage(horizon, Persistence.ids(train), meanFlow(train),
                Provenance.of(NAME, Map.of("horizon", String.valueOf(horizon)), train, 0), profile);
    }

    /** Day type and slot of a grid step: weekday slots 0-287, weekend slots 288-575. */
    static int key(SensorSeries series, int t) {
        ZonedDateTime local = series.timeAt(t).atZone(PemsTime.ZONE);
        int slot = (local.getHour() * 60 + local.getMinute()) / 5;
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        return (weekend ? SLOTS : 0) + slot;
    }

    @Override
    public int historySteps() {
        return 1;
    }

    @Override
    float forecast(SensorSeries history, int t, int s, int h) {
        ZonedDateTime local = history.timeAt(t).plus(history.step().multipliedBy(h)).atZone(PemsTime.ZONE);
        int slot = (local.getHour() * 60 + local.getMinute()) / 5;
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        return profile[((weekend ? SLOTS : 0) + slot) * stationIds.size() + s];
    }

    @Override
    Map<String, FloatArray> arrays() {
        return Map.of("profile", FloatArray.withGaps(new long[] {2, SLOTS, stationIds.size()}, profile));
    }
}
