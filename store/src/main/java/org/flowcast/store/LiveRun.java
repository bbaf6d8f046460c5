package org.flowcast.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A live run: the forecast run a corridor's model writes as data arrives ({@code flowcast watch}), its stations in
 * order, the adaptive-interval state kept for it (empty before the first step), the newest 5-minute step whose
 * work is committed (empty before the first), the model's error before live operation (NaN where unknown), and the first
 * origin of the model in use where a fine-tuned one was swapped in (empty: the first model still runs).
 */
public record LiveRun(long runId, String corridor, String model, String modelFile, int horizon, List<Integer> stationIds,
                      Optional<byte[]> intervalState, Optional<Instant> processedThrough, double referenceMae,
                      Optional<Instant> modelSince) {
    public LiveRun {
        stationIds = List.copyOf(stationIds);
    }

    /** The run after step {@code through} was committed with {@code state}. */
    public LiveRun afterStep(byte[] state, Instant through) {
        return new LiveRun(runId, corridor, model, modelFile, horizon, stationIds, Optional.of(state), Optional.of(through), referenceMae,
                modelSince);
    }

    /** The run with its reference error known. */
    public LiveRun withReference(double mae) {
        return new LiveRun(runId, corridor, model, modelFile, horizon, stationIds, intervalState, processedThrough, mae, modelSince);
    }
}
