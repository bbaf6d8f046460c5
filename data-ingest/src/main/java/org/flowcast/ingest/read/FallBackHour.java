package org.flowcast.ingest.read;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds a file's readings of the fall-back hour (01:00–01:59 local time on the November DST day, which
 * occurs twice) until the file is read, then tells the two passes apart by file order: per station the
 * local times rise through the daylight pass, start again once, and rise through the standard-time
 * pass. A station whose rows do not follow that order cannot be told apart; its rows of the hour are
 * rejected, naming them, rather than guessed. One instance per file.
 */
final class FallBackHour {
    private record Held(Reading reading, LocalDateTime local, long line, String raw) {
    }

    private final Map<Integer, List<Held>> byStation = new LinkedHashMap<>();

    /** Holds a reading whose local time is ambiguous; its time is the daylight instant for now. */
    void hold(Reading reading, LocalDateTime local, long line, String raw) {
        byStation.computeIfAbsent(reading.stationId(), k -> new ArrayList<>()).add(new Held(reading, local, line, raw));
    }

    /** Hands every held reading to the sink with its instant, or rejects a station's rows of the hour. */
    void release(ReadingSink sink) {
        for (List<Held> rows : byStation.values()) {
            int[] passes = passes(rows);
            if (passes == null) {
                String message = String.format("ambiguous fall-back hour: station %d gives the local times %s to %s "
                                + "(which occur twice) out of time order on lines %d to %d, so which rows are PDT and which "
                                + "PST cannot be told; sort the file by time, or drop the hour", rows.get(0).reading().stationId(),
                        rows.get(0).local(), rows.get(rows.size() - 1).local(), rows.get(0).line(), rows.get(rows.size() - 1).line());
                for (Held row : rows) {
                    sink.reject(row.line(), message, row.raw());
                }
                continue;
            }
            for (int i = 0; i < rows.size(); i++) {
                Held row = rows.get(i);
                Reading r = row.reading();
                sink.reading(passes[i] == 0 ? r : new Reading(r.stationId(), PacificTime.secondInstant(row.local()), r.flow(),
                        r.occupancy(), r.speed(), r.percentObserved(), r.lanes()), row.line());
            }
        }
        byStation.clear();
    }

    /** The pass (0 daylight, 1 standard) of each row, or null where the order has a second restart. */
    private static int[] passes(List<Held> rows) {
        int[] passes = new int[rows.size()];
        int pass = 0;
        for (int i = 1; i < rows.size(); i++) {
            if (!rows.get(i).local().isAfter(rows.get(i - 1).local())) {
                pass++;
                if (pass > 1) {
                    return null;
                }
            }
            passes[i] = pass;
        }
        return passes;
    }
}
