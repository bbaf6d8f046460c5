package org.flowcast.model.statistical;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flowcast.core.Provenance;
import org.flowcast.model.ManifestFields;
import org.flowcast.model.ModelFile;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.ModelFileException;
import org.flowcast.model.ProvenanceJson;
import org.flowcast.model.StoredForecaster;

/** What every statistical baseline's model file holds; each baseline reads its own fitted values from it. */
public final class StatisticalModelFiles {
    private StatisticalModelFiles() {
    }

    /** The common part of a statistical model file, and the named arrays of the baseline's fitted values. */
    public record Fitted(int horizon, List<Integer> stationIds, float fallback, Provenance provenance, Map<String, FloatArray> arrays) {

        /** A named array's values; the file's fault where it lacks it. */
        float[] values(String name) {
            FloatArray array = arrays.get(name);
            if (array == null) {
                throw new IllegalArgumentException("the file lacks the fitted array '" + name + "'");
            }
            return array.values();
        }
    }

    /** How a registered baseline rebuilds itself from its file: one static method of its class. */
    @FunctionalInterface
    public interface Loader {
        StoredForecaster load(Fitted fitted);
    }

    /** Reads the common part of a statistical model file and hands it to the baseline's loader. */
    public static StoredForecaster load(Path file, ModelFile.Contents contents, Loader loader) throws ModelFileException {
        ObjectNode m = contents.manifest();
        ManifestFields fields = new ManifestFields(file, m);
        Fitted fitted = new Fitted(fields.positiveInt("horizon"), fields.stationIds(), (float) fields.flow("fallback", false),
                ProvenanceJson.read(m), contents.arrays());
        try {
            return loader.load(fitted);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw fields.refused("fitted values of " + m.path("model").asText(), "do not fit its stations and horizon ("
                    + e.getMessage() + ")");
        }
    }
}
