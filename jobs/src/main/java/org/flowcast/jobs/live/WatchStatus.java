package org.flowcast.jobs.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The watcher's health, as a small JSON file in the inbox ({@value #FILE_NAME}, a dot-file the watcher never reads as
 * input), rewritten whole after every cycle: when it was written, the newest data time, each corridor's model and newest
 * committed step, the last error and when it came, and the files waiting. {@code flowcast watch --status} prints it.
 */
final class WatchStatus {
    static final String FILE_NAME = ".flowcast-watch.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private String lastError = "";
    private Instant lastErrorAt;

    WatchStatus(Path file) {
        this.file = file;
    }

    void failed(String message, Instant at) {
        lastError = message;
        lastErrorAt = at;
    }

    void write(Instant now, Optional<Instant> newestData, Collection<CorridorLive> corridors, int waiting) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("written", now.toString());
        root.put("newestData", newestData.map(Instant::toString).orElse(""));
        root.put("filesWaiting", waiting);
        root.put("lastError", lastError);
        root.put("lastErrorAt", lastErrorAt == null ? "" : lastErrorAt.toString());
        ArrayNode list = root.putArray("corridors");
        for (CorridorLive c : corridors) {
            ObjectNode row = list.addObject();
            row.put("corridor", c.corridor());
            row.put("model", c.model());
            row.put("modelFile", c.modelFile().toString());
            row.put("newestOrigin", c.processedThrough().map(Instant::toString).orElse(""));
        }
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), root);
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
