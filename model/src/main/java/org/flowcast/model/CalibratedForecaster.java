package org.flowcast.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code calibration}), so that a model file is all a forecast needs. Files written before that kept it in a
 * sidecar {@code <model file>.intervals.json}, which {@link #read} still takes. Evaluation scores these
 * forecasts, what a user is shown: since a flow is never negative, a clipped value is never further from the
 * truth than the model's own, and no test error grows by the clipping.
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
        if (calibration.isEmpty()) {
            return contents;
        }
        ArrayNode levels = contents.manifest().putArray("calibration");
        for (ConformalIntervals c : calibration) {
            ObjectNode level = levels.addObject();
            level.put("level", c.level());
            ArrayNode widths = level.putArray("halfWidth");
            for (double w : c.halfWidth()) {
                // JSON has no NaN: a step without validation residuals is written as null
                if (Double.isFinite(w)) {
                    widths.add(w);
                } else {
                    widths.addNull();
                }
            }
        }
        return contents;
    }

    /** The calibration of a model file: from its manifest, else from an older file's sidecar, else none. */
    static List<ConformalIntervals> read(Path file, ObjectNode manifest) throws ModelFileException {
        JsonNode node = manifest.path("calibration");
        if (node.isMissingNode()) {
            Path sidecar = file.resolveSibling(file.getFileName() + ".intervals.json");
            if (!Files.isRegularFile(sidecar)) {
                return List.of();
            }
            try {
                node = ModelFile.json().readTree(sidecar.toFile());
            } catch (IOException e) {
                throw new ModelFileException(sidecar + ": not a readable interval file (truncated or damaged); delete it to "
                        + "forecast without intervals, or train the model again", e);
            }
            file = sidecar;
        }
        List<ConformalIntervals> calibration = new ArrayList<>();
        for (JsonNode level : node) {
            JsonNode widths = level.path("halfWidth");
            double nominal = level.path("level").asDouble(Double.NaN);
            if (!(nominal > 0 && nominal < 1) || !widths.isArray()) {
                throw new ModelFileException(file + ": not a complete calibration (each entry needs a level between 0 and 1 "
                        + "and its half-widths); train the model again");
            }
            double[] halfWidth = new double[widths.size()];
            for (int h = 0; h < halfWidth.length; h++) {
                halfWidth[h] = widths.get(h).isNumber() ? widths.get(h).asDouble() : Double.NaN;
            }
            calibration.add(new ConformalIntervals(nominal, halfWidth));
        }
        return calibration;
    }
}
