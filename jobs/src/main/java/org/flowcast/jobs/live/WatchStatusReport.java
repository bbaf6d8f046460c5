package org.flowcast.jobs.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flowcast.core.PemsTime;
import org.flowcast.jobs.JobException;

/** A watcher's status as its status file in the inbox says it ({@code flowcast watch --status}). */
public final class WatchStatusReport {
    private final JsonNode root;

    private WatchStatusReport(JsonNode root) {
        this.root = root;
    }

    /** The status of the watcher of an inbox; a failure says where no watcher has written one. */
    public static WatchStatusReport read(Path inbox) throws JobException {
        Path file = inbox.resolve(WatchStatus.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new JobException("no watcher has written a status in " + inbox + " (" + WatchStatus.FILE_NAME + "); start one with "
                    + "'flowcast watch " + inbox + "'");
        }
        try {
            return new WatchStatusReport(new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new JobException(file + " cannot be read as a watcher's status: " + e.getMessage(), e);
        }
    }

    /** When it was written, the newest data, files waiting and the last error, one line each. */
    public String summary() {
        String lastError = root.path("lastError").asText("");
        return String.join(System.lineSeparator(),
                "Status written: " + when(root.path("written").asText("")),
                "Newest data:    " + when(root.path("newestData").asText("")),
                "Files waiting:  " + root.path("filesWaiting").asInt(),
                "Last error:     " + (lastError.isEmpty() ? "none" : when(root.path("lastErrorAt").asText("")) + ": " + lastError));
    }

    /** One row per corridor and model: corridor, model, newest committed origin. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode c : root.path("corridors")) {
            rows.add(List.of(c.path("corridor").asText(), c.path("model").asText(), when(c.path("newestOrigin").asText(""))));
        }
        return rows;
    }

    private static String when(String instant) {
        return instant.isEmpty() ? "-" : PemsTime.format(Instant.parse(instant));
    }
}
