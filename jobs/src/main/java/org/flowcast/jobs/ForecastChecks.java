package org.flowcast.jobs;

import java.nio.file.Path;
import org.flowcast.core.Forecast;

/** What a forecast must be before it is stored, the same for a forecast run and for live operation. */
public final class ForecastChecks {
    private ForecastChecks() {
    }

    /** Refuses a forecast with a value that is not finite: a NaN or infinite forecast is the model's fault. */
    public static void requireSound(Forecast f, Path modelFile) throws JobException {
        for (int h = 1; h <= f.horizonSteps(); h++) {
            for (int s = 0; s < f.stationCount(); s++) {
                if (!Float.isFinite(f.value(h, s))) {
                    throw new JobException(modelFile + ": the model forecast " + f.value(h, s) + " for station "
                            + f.stationIds().get(s) + " at step " + h + " from " + f.origin() + "; nothing was written. "
                            + "Train the model again on data that 'flowcast quality' finds sound");
                }
            }
        }
    }
}
