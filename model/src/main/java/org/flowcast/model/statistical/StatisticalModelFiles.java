package org.flowcast.model.statistical;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
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

        /**
         * A named array's values, refused (as the file's fault) where the file lacks it, its shape is not
         * {@code shape} (what the manifest's stations and horizon give) or it holds a NaN.
         */
        float[] values(String name, long... shape) {
            return checked(name, shape, false);
        }

        /** As {@link #values}, where NaN marks a value training had no data for (a profile's empty slot). */
        float[] valuesWithGaps(String name, long... shape) {
            return checked(name, shape, true);
        }

        private float[] checked(String name, long[] shape, boolean gaps) {
            FloatArray array = arrays.get(name);
            if (array == null) {
                throw new IllegalArgumentException("the file lacks the fitted array '" + name + "'");
            }
            if (!Arrays.equals(array.shape(), shape)) {
                throw new IllegalArgumentException("the fitted array " + name + " has the shape " + Arrays.toString(array.shape())
                        + ", not the " + Arrays.toString(shape) + " that its " + stationIds.size() + " stations and horizon " + horizon
                        + " give");
            }
            long nan = array.nanCount();
            if (!gaps && nan > 0) {
                throw new IllegalArgumentException("the fitted array " + name + " holds " + nan + " NaN " + (nan == 1 ? "value" : "values")
                        + ", which fitting never gives");
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
        int horizon = fields.positiveInt("horizon");
        fields.requireProvenanceAgrees("horizon", horizon, "horizon");
        Fitted fitted = new Fitted(horizon, fields.stationIds(), (float) fields.flow("fallback", false), ProvenanceJson.read(m),
                contents.arrays());
        try {
            return loader.load(fitted);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw fields.refusedFile(m.path("model").asText() + ": " + e.getMessage());
        }
    }
}
