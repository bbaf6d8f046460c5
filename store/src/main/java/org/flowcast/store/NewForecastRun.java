package org.flowcast.store;

import java.util.List;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.InputShares;
import org.flowcast.core.TimeRange;

/**
 * What identifies a run and what it was made from; {@code calibration} is the conformal calibration its
 * forecasts' intervals come from (stored once for the run), empty to store each row's bounds.
 */
public record NewForecastRun(String key, String model, String modelFile, int horizon, TimeRange range, int stations, InputShares input,
                     List<ConformalIntervals> calibration, String corridor) {
    public NewForecastRun {
        calibration = List.copyOf(calibration);
        corridor = corridor == null ? "" : corridor;
    }
}
