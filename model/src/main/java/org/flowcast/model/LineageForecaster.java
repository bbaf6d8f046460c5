package org.flowcast.model;

import java.time.Instant;
import java.util.List;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Forecast;
import org.flowcast.core.Provenance;
import org.flowcast.core.SensorSeries;

/** A fitted model whose provenance says more than its trainer wrote (its parent, after a fine-tune); it forecasts as the model. */
final class LineageForecaster implements StoredForecaster {
    private final StoredForecaster model;
    private final Provenance provenance;

    LineageForecaster(StoredForecaster model, Provenance provenance) {
        this.model = model instanceof LineageForecaster l ? l.model : model;
        this.provenance = provenance;
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
        return model.predict(history, origin);
    }

    @Override
    public List<Forecast> predictAll(SensorSeries history, List<Instant> origins) {
        return model.predictAll(history, origins);
    }

    @Override
    public List<ConformalIntervals> calibration() {
        return model.calibration();
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public ModelFile.Contents contents() {
        ModelFile.Contents contents = model.contents();
        ProvenanceJson.write(contents.manifest(), provenance);
        return contents;
    }
}
