package org.flowcast.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcast.core.Provenance;

/** Writes {@link Provenance} into a model file's manifest and reads it back. */
public final class ProvenanceJson {
    private ProvenanceJson() {
    }

    public static void write(ObjectNode manifest, Provenance p) {
        ObjectNode node = manifest.putObject("provenance");
        node.put("model", p.model());
        ObjectNode config = node.putObject("config");
        p.config().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> config.put(e.getKey(), e.getValue()));
        node.put("dataFrom", p.dataFrom().toString());
        node.put("dataTo", p.dataTo().toString());
        p.stationIds().forEach(node.putArray("stationIds")::add);
        node.put("seed", p.seed());
        node.put("codeVersion", p.codeVersion());
        node.put("codeCommit", p.codeCommit());
        node.put("dataFingerprint", p.dataFingerprint());
        ObjectNode environment = node.putObject("environment");
        p.environment().forEach(environment::put);
        node.put("createdAt", p.createdAt().toString());
        if (!p.corridor().isEmpty()) {
            node.put("corridor", p.corridor());
        }
    }

    public static Provenance read(JsonNode manifest) {
        JsonNode node = manifest.path("provenance");
        Map<String, String> config = new LinkedHashMap<>();
        node.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        List<Integer> stations = new ArrayList<>();
        node.path("stationIds").forEach(n -> stations.add(n.asInt()));
        Map<String, String> environment = new LinkedHashMap<>();
        node.path("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        return new Provenance(node.path("model").asText(), config, Instant.parse(node.path("dataFrom").asText()),
                Instant.parse(node.path("dataTo").asText()), stations, node.path("seed").asLong(),
                node.path("codeVersion").asText(), node.path("codeCommit").asText("unknown"),
                node.path("dataFingerprint").asText("unknown"), environment, Instant.parse(node.path("createdAt").asText()),
                node.path("corridor").asText(""));
    }
}
