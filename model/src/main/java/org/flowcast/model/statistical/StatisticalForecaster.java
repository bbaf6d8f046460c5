package org.flowcast.model.statistical;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flowcast.core.Channel;
import org.flowcast.core.Forecast;
import org.flowcast.core.Provenance;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ModelFile;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.ProvenanceJson;
import org.flowcast.model.StoredForecaster;

/**
 * What the statistical baselines share: the stations they were fitted on, a fallback value (the
 * training mean) where the history cannot tell, aligning a history to their stations, and
 * model files holding their fitted numbers as named arrays.
 */
abstract class StatisticalForecaster implements StoredForecaster {
    final String name;
    final int horizon;
    final List<Integer> stationIds;
    final float fallback;
    final Provenance provenance;

    StatisticalForecaster(String name, int horizon, List<Integer> stationIds, float fallback, Provenance provenance) {
        this.name = name;
        this.horizon = horizon;
        this.stationIds = List.copyOf(stationIds);
        this.fallback = fallback;
        this.provenance = provenance;
    }

    @Override
    public String modelName() {
        return name;
    }

    @Override
    public int horizonSteps() {
        return horizon;
    }

    @Override
    public List<Integer> stationIds() {
        return stationIds;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public Forecast predict(SensorSeries history, Instant origin) {
        SensorSeries aligned = Arrays.equals(history.stationIds(), stationIds.stream().mapToInt(i -> i).toArray())
                ? history : history.selectStations(stationIds);
        int t = aligned.indexOf(origin);
        if (t < 0) {
            throw new IllegalArgumentException(origin + " is not a step of the history given to " + name);
        }
        float[][] values = new float[horizon][stationIds.size()];
        for (int s = 0; s < stationIds.size(); s++) {
            for (int h = 1; h <= horizon; h++) {
                float v = forecast(aligned, t, s, h);
                // the fallback stands in where the history cannot tell (NaN); an infinity is the model's fault and is
                // left for the caller to refuse, and flows below zero are clipped where every model's are (CalibratedForecaster)
                values[h - 1][s] = Float.isNaN(v) ? fallback : v;
            }
        }
        return new Forecast(name, origin, aligned.step(), stationIds, values);
    }

    /** The flow {@code h} steps after grid index {@code t} at station position {@code s}; NaN where it cannot tell. */
    abstract float forecast(SensorSeries history, int t, int s, int h);

    /** The fitted numbers to store. */
    abstract Map<String, FloatArray> arrays();

    /** The last known flow at or before {@code t}, looking back at most {@code steps}; NaN if none. */
    static float lastKnown(SensorSeries history, int t, int s, int steps) {
        for (int i = t; i >= Math.max(0, t - steps + 1); i--) {
            float v = history.value(i, s, Channel.FLOW);
            if (!Float.isNaN(v)) {
                return v;
            }
        }
        return Float.NaN;
    }

    @Override
    public ModelFile.Contents contents() {
        ObjectNode manifest = ModelFile.newManifest("statistical");
        manifest.put("model", name);
        manifest.put("horizon", horizon);
        manifest.put("fallback", fallback);
        stationIds.forEach(manifest.putArray("stationIds")::add);
        ProvenanceJson.write(manifest, provenance);
        return new ModelFile.Contents(manifest, arrays());
    }

    /** The mean of every observed flow of a series: the fallback forecast. */
    static float meanFlow(SensorSeries series) {
        double sum = 0;
        long n = 0;
        for (int t = 0; t < series.length(); t++) {
            for (int s = 0; s < series.stationCount(); s++) {
                float v = series.value(t, s, Channel.FLOW);
                if (!Float.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? 0f : (float) (sum / n);
    }
}
