package org.flowcast.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.flowcast.core.ConformalIntervals;

/**
 * Writes a model's split-conformal calibration into its manifest (key {@code calibration}) and reads it back,
 * from the manifest or, for files written before that, from the sidecar {@code <model file>.intervals.json}.
 * Reading refuses a calibration no calibration run gives: a level outside (0, 1) or given twice, other than one
 * half-width per forecast step, a half-width that is missing, negative, not finite or past
 * {@link ManifestFields#MAX_FLOW}, or a wider level narrower than a lower one at some step.
 */
final class CalibrationJson {
    private CalibrationJson() {
    }

    static void write(ObjectNode manifest, List<ConformalIntervals> calibration) {
        ArrayNode levels = manifest.putArray("calibration");
        for (ConformalIntervals c : calibration) {
            ObjectNode level = levels.addObject();
            level.put("level", c.level());
            ArrayNode widths = level.putArray("halfWidth");
            for (double w : c.halfWidth()) {
                // JSON has no NaN: a step without validation residuals is written as null (and refused on reading)
                if (Double.isFinite(w)) {
                    widths.add(w);
                } else {
                    widths.addNull();
                }
            }
        }
    }

    /** The calibration of a model file of {@code horizon} steps: from its manifest, else from an older file's sidecar, else none. */
    static List<ConformalIntervals> read(Path file, ObjectNode manifest, int horizon) throws ModelFileException {
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
            calibration.add(new ConformalIntervals(nominal, halfWidths(file, percent(nominal), widths, horizon)));
        }
        requireWiderAtHigherLevels(file, calibration);
        return calibration;
    }

    private static double[] halfWidths(Path file, String level, JsonNode widths, int horizon) throws ModelFileException {
        if (widths.size() != horizon) {
            throw refused(file, "the " + level + " calibration has " + widths.size() + " half-widths; the model forecasts " + horizon
                    + " steps, one half-width each");
        }
        double[] halfWidth = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            JsonNode width = widths.get(h);
            halfWidth[h] = width.isNumber() ? width.asDouble() : Double.NaN;
            if (!(halfWidth[h] >= 0 && halfWidth[h] <= ManifestFields.MAX_FLOW)) {
                throw refused(file, "the " + level + " half-width at step " + (h + 1) + " is " + width + ", not a flow from 0 to "
                        + (long) ManifestFields.MAX_FLOW + " that a calibration on PeMS data gives");
            }
        }
        return halfWidth;
    }

    private static void requireWiderAtHigherLevels(Path file, List<ConformalIntervals> calibration) throws ModelFileException {
        List<ConformalIntervals> byLevel = calibration.stream().sorted(Comparator.comparingDouble(ConformalIntervals::level)).toList();
        for (int i = 1; i < byLevel.size(); i++) {
            ConformalIntervals lower = byLevel.get(i - 1);
            ConformalIntervals higher = byLevel.get(i);
            if (higher.level() == lower.level()) {
                throw refused(file, "the calibration gives the " + percent(lower.level()) + " level twice");
            }
            for (int h = 0; h < higher.halfWidth().length; h++) {
                if (higher.halfWidth()[h] < lower.halfWidth()[h]) {
                    throw refused(file, String.format(Locale.ROOT, "the %s interval at step %d is narrower than the %s one (half-widths "
                            + "%.2f and %.2f); a higher level's interval is never the narrower", percent(higher.level()), h + 1,
                            percent(lower.level()), higher.halfWidth()[h], lower.halfWidth()[h]));
                }
            }
        }
    }

    private static ModelFileException refused(Path file, String problem) {
        return new ModelFileException(file + ": " + problem + ModelFile.EDITED);
    }

    private static String percent(double level) {
        return Math.round(level * 100) + "%";
    }
}
