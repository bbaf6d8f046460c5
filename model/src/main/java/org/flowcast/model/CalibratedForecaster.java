package org.flowcast.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Forecast;
import org.flowcast.core.Provenance;
import org.flowcast.core.SensorSeries;

/**
 * A fitted model as this module hands it out, fitted ({@link ChronologicalSplit#fit}) or loaded
 * ({@link ModelRegistry#load}): the one path every forecast leaves by. Its flows are clipped at zero here, for
 * every model alike ({@link Forecast#clippedAtZero}, which counts them), and then carry the 80% and 95%
 * intervals of its split-conformal calibration, which is saved inside the model file (manifest key
 * {@code calibration}, see {@link CalibrationJson}), so that a model file is all a forecast needs. Evaluation
 * scores these forecasts, what a user is shown: since a flow is never negative, a clipped value is never
 * further from the truth than the model's own, and no test error grows by the clipping.
 */
public final class CalibratedForecaster implements StoredForecaster {
    private final StoredForecaster model;
    private final List<ConformalIntervals> calibration;

    private CalibratedForecaster(StoredForecaster model, List<ConformalIntervals> calibration) {
        this.model = model;
        this.calibration = List.copyOf(calibration);
    }

    /** The model with this calibration (replacing any it had; none: forecasts without intervals, still clipped). */
    public static StoredForecaster of(StoredForecaster model, List<ConformalIntervals> calibration) {
        StoredForecaster bare = model instanceof CalibratedForecaster c ? c.model : model;
        return new CalibratedForecaster(bare, calibration);
    }

    /** The model the calibration wraps. */
    StoredForecaster model() {
        return model;
    }

    @Override
    public String modelName() {
        return model.modelName();
    }

    @Override
    public List<Integer> stationIds() {
        return model.stationIds();
    }

    @Override
    public int horizonSteps() {
        return model.horizonSteps();
    }

    @Override
    public int historySteps() {
        return model.historySteps();
    }

    @Override
    public int warmUpSteps() {
        return model.warmUpSteps();
    }

    @Override
    public Forecast predict(SensorSeries history, Instant origin) {
        return ConformalIntervals.around(model.predict(history, origin).clippedAtZero(), calibration);
    }

    @Override
    public List<Forecast> predictAll(SensorSeries history, List<Instant> origins) {
        List<Forecast> forecasts = new ArrayList<>(origins.size());
        for (Forecast f : model.predictAll(history, origins)) {
            forecasts.add(ConformalIntervals.around(f.clippedAtZero(), calibration));
        }
        return forecasts;
    }

    @Override
    public List<ConformalIntervals> calibration() {
        return calibration;
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public Provenance provenance() {
        return model.provenance();
    }

    @Override
    public ModelFile.Contents contents() {
        ModelFile.Contents contents = model.contents();
        if (!calibration.isEmpty()) {
            CalibrationJson.write(contents.manifest(), calibration);
        }
        return contents;
    }
}
