package org.flowcast.ingest.read;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the Pacific local timestamps of PeMS files into instants. The spring-forward hour does not
 * exist and is refused; the fall-back hour occurs twice in PeMS files, so the second time a station
 * reports the same local time inside that hour it is taken as the later instant. One instance per
 * file, since it remembers what it has seen.
 */
public final class PacificTime {
    public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final ZoneRules RULES = ZONE.getRules();

    private final Set<StationTime> seenInOverlap = new HashSet<>();
    private LocalDateTime lastLocal;
    private List<ZoneOffset> lastOffsets;

    /**
     * The instant of a station's reading at a local time.
     *
     * @throws IllegalArgumentException for a local time in the spring-forward gap
     */
    public Instant toInstant(int stationId, LocalDateTime local) {
        List<ZoneOffset> offsets;
        if (local.equals(lastLocal)) {
            offsets = lastOffsets;
        } else {
            offsets = RULES.getValidOffsets(local);
            lastLocal = local;
            lastOffsets = offsets;
        }
        if (offsets.size() == 1) {
            return local.toInstant(offsets.get(0));
        }
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException(local + " does not exist in Pacific time (the clocks jump forward that hour)");
        }
        // Overlap: offsets are ordered earlier offset (PDT) first.
        boolean second = !seenInOverlap.add(new StationTime(stationId, local));
        return local.toInstant(second ? offsets.get(1) : offsets.get(0));
    }

    private record StationTime(int stationId, LocalDateTime local) {
    }
}
