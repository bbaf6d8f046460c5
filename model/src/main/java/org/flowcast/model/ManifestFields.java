package org.flowcast.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the values of a model file's manifest that a forecast depends on, refusing what no trained
 * model holds (an empty or repeated station list, a size of 0, a scaler mean of 1e30) with a message
 * naming the file and the field, instead of a "/ by zero" or a NaN forecast later.
 */
public final class ManifestFields {
    /** Far above any station's flow in vehicles per 5 minutes; a scaler or fallback past it was not fitted on flows. */
    static final double MAX_FLOW = 1e5;

    private final Path file;
    private final ObjectNode manifest;

    public ManifestFields(Path file, ObjectNode manifest) {
        this.file = file;
        this.manifest = manifest;
    }

    /**
     * The station ids: at least one, each positive, none twice, and, where the provenance records the stations
     * the model was fitted on, those stations in that order (the model's arrays are laid out by them).
     */
    public List<Integer> stationIds() throws ModelFileException {
        JsonNode node = manifest.path("stationIds");
        List<Integer> ids = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (JsonNode id : node) {
            if (!id.canConvertToInt() || id.asInt() <= 0 || !seen.add(id.asInt())) {
                throw refused("stationIds", "holds " + id + ", not a positive station id given once");
            }
            ids.add(id.asInt());
        }
        if (ids.isEmpty()) {
            throw refused("stationIds", "is empty or absent; a trained model forecasts at least one station");
        }
        List<Integer> fitted = new ArrayList<>();
        manifest.path("provenance").path("stationIds").forEach(id -> fitted.add(id.asInt()));
        if (!fitted.isEmpty() && !fitted.equals(ids)) {
            throw refused("stationIds", briefly(ids) + " are not the stations its provenance says the model was fitted on, "
                    + briefly(fitted) + ", in that order");
        }
        return ids;
    }

    /**
     * Refuses a manifest value that disagrees with the value the provenance's configuration records for the
     * same setting under {@code configKey} (a file without that record passes).
     */
    public void requireProvenanceAgrees(String field, Object value, String configKey) throws ModelFileException {
        JsonNode recorded = manifest.path("provenance").path("config").path(configKey);
        if (!recorded.isMissingNode() && !recorded.asText().equals(String.valueOf(value))) {
            throw refused(field, value + " disagrees with the " + recorded.asText() + " its provenance records");
        }
    }

    /** A whole number of at least 1. */
    public int positiveInt(String field) throws ModelFileException {
        JsonNode node = manifest.path(field);
        if (!node.canConvertToInt() || node.asInt() < 1) {
            throw refused(field, "is " + node + ", not a whole number of at least 1");
        }
        return node.asInt();
    }

    /** A finite number within ±{@link #MAX_FLOW}, above {@code 0} where {@code positive}. */
    public double flow(String field, boolean positive) throws ModelFileException {
        JsonNode node = manifest.path(field);
        double value = node.isNumber() ? node.asDouble() : Double.NaN;
        if (!(Math.abs(value) <= MAX_FLOW) || (positive && !(value > 0))) {
            throw refused(field, "is " + node + ", not a " + (positive ? "positive " : "") + "flow a model fitted on "
                    + "PeMS data holds (at most " + (long) MAX_FLOW + ")");
        }
        return value;
    }

    /** Up to ten ids, and how many there are beyond them. */
    private static String briefly(List<Integer> ids) {
        return ids.size() <= 10 ? ids.toString()
                : ids.subList(0, 10).toString().replace("]", ", ... (" + ids.size() + " stations)]");
    }

    /** A refusal of a manifest value that no trained model holds. */
    public ModelFileException refused(String field, String problem) {
        return refusedFile("the manifest's " + field + " " + problem);
    }

    /** A refusal of the file for something no trained model's file holds (an array's values or shape), said in {@code problem}. */
    public ModelFileException refusedFile(String problem) {
        return new ModelFileException(file + ": " + problem + ModelFile.EDITED);
    }
}
