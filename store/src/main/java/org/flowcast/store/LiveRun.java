package org.flowcast.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A live run: the forecast run a corridor's model writes as data arrives ({@code flowcast watch}), its stations in
 * order, the adaptive-interval state kept for it (empty before the first step), and the newest 5-minute step whose
 * work is committed (empty before the first).
 */
public record LiveRun(long runId, String corridor, String model, String modelFile, int horizon, List<Integer> stationIds,
                      Optional<byte[]> intervalState, Optional<Instant> processedThrough, double referenceMae) {
    public LiveRun {
        stationIds = List.copyOf(stationIds);
    }
}
