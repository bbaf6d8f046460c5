package org.flowcast.reports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcast.reports.EvaluationSummary.ModelSummary;

/** An evaluation run's {@code run.json}, read back for {@code flowcast report} and checked before it is rendered. */
final class RunFile {
    private RunFile() {
    }

    /**
     * Reads the evaluation run saved in a folder (or the {@code run.json} given): a file that is truncated, damaged,
     * incomplete or holds a figure no evaluation gives is refused, naming it, with what to do.
     */
    static EvaluationSummary read(Path folder, ObjectMapper json) throws IOException {
        Path file = Files.isDirectory(folder) ? folder.resolve(ReportWriter.RUN_FILE) : folder;
        if (!Files.isRegularFile(file)) {
            throw new IOException(folder + " holds no evaluation run (" + ReportWriter.RUN_FILE + "); run 'flowcast evaluate' first");
        }
        EvaluationSummary summary;
        try {
            summary = json.readValue(file.toFile(), EvaluationSummary.class);
        } catch (JacksonException e) {
            // where, not Jackson's words ("Unexpected end-of-input: expected close marker for Array ...")
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IOException(file + ": not a readable evaluation run (" + (endsEarly(e) ? "it ends early" + where
                    + ": truncated" : "damaged" + where) + "); run 'flowcast evaluate' again", e);
        }
        if (summary == null || summary.protocol() == null || summary.models() == null || summary.models().isEmpty()
                || summary.models().stream().anyMatch(m -> m == null || m.model() == null || m.mae() == null)) {
            throw new IOException(file + ": not a complete evaluation run (it lacks the protocol or the models' "
                    + "figures); run 'flowcast evaluate' again");
        }
        for (ModelSummary m : summary.models()) {
            String wrong = impossibleFigure(m);
            if (wrong != null) {
                throw new IOException(file + ": model " + m.model() + "'s " + wrong + ", which no evaluation gives (the file was "
                        + "edited or damaged); run 'flowcast evaluate' again");
            }
        }
        return summary;
    }

    /** Whether the JSON ended before its last value closed (databind wraps the parser's end-of-input error). */
    private static boolean endsEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonEOFException || String.valueOf(t.getMessage()).startsWith("Unexpected end-of-input")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A figure no evaluation writes, named: an error below 0 or infinite anywhere, or an average MAE that is not a number
     * (a step may be NaN, where none of its values counted); null where every figure could be.
     */
    private static String impossibleFigure(ModelSummary m) {
        if (!(m.maeAverage() >= 0) || Double.isInfinite(m.maeAverage())) {
            return "average MAE is " + m.maeAverage();
        }
        Map<String, double[]> perStep = new LinkedHashMap<>();
        perStep.put("MAE", m.mae());
        perStep.put("RMSE", m.rmse());
        perStep.put("MAPE", m.mape());
        perStep.put("average RMSE and MAPE", new double[] {m.rmseAverage(), m.mapeAverage()});
        for (Map.Entry<String, double[]> figures : perStep.entrySet()) {
            double[] values = figures.getValue() == null ? new double[0] : figures.getValue();
            for (int i = 0; i < values.length; i++) {
                if (values[i] < 0 || Double.isInfinite(values[i])) {
                    return figures.getKey() + (figures.getKey().startsWith("average") ? " hold " : " at step " + (i + 1) + " is ")
                            + values[i];
                }
            }
        }
        return null;
    }
}
