package org.flowcast.jobs;
import java.nio.file.Path;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastCheck;
import org.flowcast.core.ImplausibleForecastException;
import org.flowcast.core.PemsTime;

/**
 * What a forecast must be before it is stored, the same for a forecast run and for live operation: every value finite,
 * no flow below zero or above what the stations' lanes can carry, intervals nested ({@link ForecastCheck}). A forecast
 * that is not is the model's fault: nothing of it is written, and the message says to train the model again.
 */
public final class ForecastChecks {
    private ForecastChecks() {
    }

    public static void requireSound(Forecast f, ForecastCheck check, Path modelFile) throws JobException {
        for (int h = 1; h <= f.horizonSteps(); h++) {
            for (int s = 0; s < f.stationCount(); s++) {
                if (!Float.isFinite(f.value(h, s))) {
                    throw new JobException(modelFile + ": the model forecast " + f.value(h, s) + " for station "
                            + f.stationIds().get(s) + " at step " + h + " from " + PemsTime.format(f.origin()) + "; nothing was written. "
                            + "Train the model again on data that 'flowcast quality' finds sound");
                }
            }
        }
        try {
            check.require(f);
        } catch (ImplausibleForecastException e) {
            throw new JobException(modelFile + ": " + e.getMessage() + "; nothing was written. The model file may have been edited "
                    + "or trained on bad data: train the model again");
        }
    }
}
