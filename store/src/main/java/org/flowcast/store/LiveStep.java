package org.flowcast.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Forecast;

/**
 * The work of one 5-minute step for one live run, committed as one: the scores of the forecasts whose targets the step
 * observed, the adaptive-interval state after them, and the forecast from the step's origin with the half-widths its
 * intervals were made with (empty where no forecast could be made: its input held no observed reading).
 */
public record LiveStep(long runId, Instant step, List<OriginScore> scores, byte[] intervalState, Optional<Forecast> forecast,
                       List<ConformalIntervals> issued) {
    public LiveStep {
        scores = List.copyOf(scores);
        issued = List.copyOf(issued);
    }
}
