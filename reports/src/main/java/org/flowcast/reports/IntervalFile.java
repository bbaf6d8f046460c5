package org.flowcast.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flowcast.core.Forecast;
import org.flowcast.core.PredictionInterval;

/**
 * The prediction-interval calibration of a model file, kept beside it as {@code <model file>.intervals.json}
 * (written by training, read by the forecast job), so that forecasts in the database carry intervals.
 */
public final class IntervalFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IntervalFile() {
    }

    public static Path beside(Path modelFile) {
        return modelFile.resolveSibling(modelFile.getFileName() + ".intervals.json");
    }

    public static void write(Path modelFile, List<ConformalIntervals> intervals) throws IOException {
        JSON.writeValue(beside(modelFile).toFile(), intervals);
    }

    /** The calibration beside a model file; empty where there is none. */
    public static List<ConformalIntervals> read(Path modelFile) throws IOException {
        Path file = beside(modelFile);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        ConformalIntervals[] intervals;
        try {
            intervals = JSON.readValue(file.toFile(), ConformalIntervals[].class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": not a readable interval file (truncated or damaged: " + e.getOriginalMessage()
                    + "); delete it to forecast without intervals, or train the model again", e);
        }
        for (ConformalIntervals i : intervals == null ? new ConformalIntervals[0] : intervals) {
            if (i == null || i.halfWidth() == null || !(i.level() > 0 && i.level() < 1)) {
                throw new IOException(file + ": not a complete interval file (each entry needs a level between 0 and 1 and "
                        + "its half-widths); delete it to forecast without intervals, or train the model again");
            }
        }
        return intervals == null ? List.of() : Arrays.asList(intervals);
    }

    /** The forecast with an interval for each calibration whose horizon covers it. */
    public static Forecast withIntervals(Forecast forecast, List<ConformalIntervals> intervals) {
        List<PredictionInterval> bands = intervals.stream().filter(i -> i.halfWidth().length >= forecast.horizonSteps())
                .map(i -> i.around(forecast)).toList();
        return bands.isEmpty() ? forecast : forecast.withIntervals(bands);
    }
}
