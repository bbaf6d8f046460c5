package org.flowcast.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a fitted model came from: its name and configuration, the data range and stations it was
 * fitted on, the seed, the Flowcast version that fitted it, and when. Every model file and report
 * carries one, so that each number can be traced back.
 */
public record Provenance(
        String model,
        Map<String, String> config,
        Instant dataFrom,
        Instant dataTo,
        List<Integer> stationIds,
        long seed,
        String codeVersion,
        Instant createdAt) {

    public Provenance {
        Objects.requireNonNull(model, "model");
        config = Map.copyOf(new TreeMap<>(config));
        Objects.requireNonNull(dataFrom, "dataFrom");
        Objects.requireNonNull(dataTo, "dataTo");
        stationIds = List.copyOf(stationIds);
        Objects.requireNonNull(codeVersion, "codeVersion");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Provenance of a model fitted now, by this build of Flowcast, on the given training series. */
    public static Provenance of(String model, Map<String, String> config, SensorSeries train, long seed) {
        return new Provenance(model, config, train.start(), train.end(),
                java.util.Arrays.stream(train.stationIds()).boxed().toList(), seed,
                FlowcastVersion.current(), Instant.now());
    }
}
