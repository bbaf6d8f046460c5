package org.flowcast.store;

import java.time.Instant;

/**
 * One forecast value as other systems read it: a run's station, origin and step, the step's target time, the flow and
 * its 80% and 95% bounds (NaN where the run has none), with the run's model and corridor (empty where it has none).
 */
public record ForecastRow(long runId, String corridor, String model, int stationId, Instant origin, int step, Instant target,
                          float flow, float lower80, float upper80, float lower95, float upper95) {
    public ForecastRow {
        corridor = corridor == null ? "" : corridor;
    }
}
