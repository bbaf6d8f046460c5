package org.flowcast.core;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a fitted model came from: its name and configuration, the data range and stations it was
 * fitted on and a fingerprint of that data, the seed, the Flowcast version and git commit that fitted
 * it, the machine (JVM, OS, architecture, numeric backend), and when. Every model file and report
 * carries one, so that each number can be traced back. Files written before the commit, fingerprint
 * and environment were recorded read back with {@code unknown} and an empty environment. {@code corridor} names the
 * corridor the stations make ({@code "5-N"}), empty where they were chosen otherwise or before corridors were recorded.
 */
public record Provenance(
        String model,
        Map<String, String> config,
        Instant dataFrom,
        Instant dataTo,
        List<Integer> stationIds,
        long seed,
        String codeVersion,
        String codeCommit,
        String dataFingerprint,
        Map<String, String> environment,
        Instant createdAt,
        String corridor) {

    public Provenance {
        Objects.requireNonNull(model, "model");
        config = Map.copyOf(new TreeMap<>(config));
        Objects.requireNonNull(dataFrom, "dataFrom");
        Objects.requireNonNull(dataTo, "dataTo");
        stationIds = List.copyOf(stationIds);
        Objects.requireNonNull(codeVersion, "codeVersion");
        Objects.requireNonNull(codeCommit, "codeCommit");
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
        environment = Map.copyOf(new TreeMap<>(environment));
        Objects.requireNonNull(createdAt, "createdAt");
        corridor = Objects.requireNonNullElse(corridor, "");
    }

    /** Provenance of a model fitted now, by this build of Flowcast, on the given training series. */
    public static Provenance of(String model, Map<String, String> config, SensorSeries train, long seed) {
        return new Provenance(model, config, train.start(), train.end(),
                Arrays.stream(train.stationIds()).boxed().toList(), seed,
                FlowcastVersion.current(), FlowcastVersion.commit(), train.fingerprint(), RunEnvironment.describe(), Instant.now(),
                train.corridor());
    }

    /** The same provenance with another configuration (e.g. one that also says how the model was evaluated). */
    public Provenance withConfig(Map<String, String> other) {
        return new Provenance(model, other, dataFrom, dataTo, stationIds, seed, codeVersion, codeCommit, dataFingerprint, environment,
                createdAt, corridor);
    }

    /** The same provenance with one more fact about the machine (the numeric backend a neural model ran on). */
    public Provenance withEnvironment(String key, String value) {
        Map<String, String> more = new TreeMap<>(environment);
        more.put(key, value);
        return new Provenance(model, config, dataFrom, dataTo, stationIds, seed, codeVersion, codeCommit, dataFingerprint, more,
                createdAt, corridor);
    }
}
