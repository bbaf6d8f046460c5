package org.flowcast.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.flowcast.ingest.read.ExportStationName;

/**
 * Web exports in different folders that take one station from their own names when those names are small numbers
 * ({@code north/11.csv}, {@code south/11.csv}): more likely weeks or parts of two stations than one station, whose
 * rows would be merged unsaid. Each such file is told of the others; the rows still load, as the user may mean it.
 */
final class SharedExportStations {
    private SharedExportStations() {
    }

    /** What to say of each export that shares its station this way, by file. */
    static Map<Path, List<String>> notes(List<Path> exports) {
        Map<Integer, List<Path>> byStation = new HashMap<>();
        for (Path file : exports) {
            Optional<ExportStationName> named = ExportStationName.of(file);
            if (named.isPresent() && named.get().isPartNumberOf(file)) {
                byStation.computeIfAbsent(named.get().id(), id -> new ArrayList<>()).add(file);
            }
        }
        Map<Path, List<String>> notes = new HashMap<>();
        byStation.forEach((id, files) -> {
            for (Path file : files) {
                List<Path> elsewhere = files.stream().filter(other -> !Objects.equals(other.getParent(), file.getParent())).toList();
                if (!elsewhere.isEmpty()) {
                    notes.computeIfAbsent(file, f -> new ArrayList<>()).add("station " + id + " is taken from this file's name "
                            + "and from the names of files in other folders (" + elsewhere.get(0) + (elsewhere.size() > 1
                            ? " and " + (elsewhere.size() - 1) + " more" : "") + "): their rows are loaded as one station; "
                            + "if the names number weeks or parts, name each folder by its station's id (1205320/, "
                            + "station25/) or give --station");
                }
            }
        });
        return notes;
    }
}
