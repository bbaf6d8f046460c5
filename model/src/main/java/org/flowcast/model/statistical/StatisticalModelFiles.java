package org.flowcast.model.statistical;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.flowcast.core.Provenance;
import org.flowcast.model.ModelFile;
import org.flowcast.model.ManifestFields;
import org.flowcast.model.ModelFileException;
import org.flowcast.model.ProvenanceJson;
import org.flowcast.model.StoredForecaster;

/** Reads the statistical baselines back from their model files. */
public final class StatisticalModelFiles {
    private StatisticalModelFiles() {
    }

    public static StoredForecaster load(Path file, ModelFile.Contents contents) throws ModelFileException {
        ObjectNode m = contents.manifest();
        String name = m.path("model").asText();
        ManifestFields fields = new ManifestFields(file, m);
        int horizon = fields.positiveInt("horizon");
        float fallback = (float) fields.flow("fallback", false);
        List<Integer> stations = fields.stationIds();
        Provenance provenance = ProvenanceJson.read(m);
        try {
            return switch (name) {
                case Persistence.NAME -> new Persistence(horizon, stations, fallback, provenance);
                case SeasonalNaive.NAME -> new SeasonalNaive(horizon, contents.arrays().get("weekly").values()[0] > 0, stations,
                        fallback, provenance);
                case HistoricalAverage.NAME -> new HistoricalAverage(horizon, stations, fallback, provenance,
                        contents.arrays().get("profile").values());
                case LinearAutoregression.NAME -> new LinearAutoregression(horizon, stations, fallback, provenance,
                        contents.arrays().get("coefficients").values(), contents.arrays().get("lambda").values()[0]);
                default -> throw new ModelFileException(file + ": unknown statistical model '" + name + "'");
            };
        } catch (NullPointerException | ArrayIndexOutOfBoundsException e) {
            throw new ModelFileException(file + ": the file lacks the fitted values of " + name, e);
        } catch (IllegalArgumentException e) {
            throw fields.refused("fitted values of " + name, "do not fit its stations and horizon (" + e.getMessage() + ")");
        }
    }
}
