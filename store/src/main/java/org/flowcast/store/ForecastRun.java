package org.flowcast.store;
import java.time.Instant;
import org.flowcast.core.InputShares;
import org.flowcast.core.TimeRange;

/** What a stored run is; its input shares are NaN for runs written before they were recorded. */
public record ForecastRun(long id, String key, String model, String modelFile, int horizon, TimeRange range, int stations, int origins,
                  Instant createdAt, InputShares input, String corridor) {
    public ForecastRun {
        corridor = corridor == null ? "" : corridor;
    }
}
