package org.flowcast.ingest.read;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;
import org.flowcast.core.PemsTime;

/**
 * Turns the Pacific local timestamps of PeMS files into instants. The spring-forward hour does not
 * exist and is refused. A local time of the fall-back hour, which occurs twice, is given its earlier
 * (daylight) instant here; {@link FallBackHour} holds such rows until the file is read and then
 * tells the two passes apart by their order.
 */
public final class PacificTime {
    private static final ZoneRules RULES = PemsTime.ZONE.getRules();

    private LocalDateTime lastLocal;
    private List<ZoneOffset> lastOffsets;

    /**
     * The instant of a local time; the earlier one in the fall-back hour.
     *
     * @throws IllegalArgumentException for a local time in the spring-forward gap
     */
    public Instant toInstant(LocalDateTime local) {
        List<ZoneOffset> offsets = offsets(local);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException(local + " does not exist in Pacific time (the clocks jump forward that hour)");
        }
        return local.toInstant(offsets.get(0));
    }

    /** Whether the local time occurs twice (the fall-back hour). */
    public boolean isAmbiguous(LocalDateTime local) {
        return offsets(local).size() == 2;
    }

    /** The later (standard-time) instant of a local time of the fall-back hour. */
    static Instant secondInstant(LocalDateTime local) {
        List<ZoneOffset> offsets = RULES.getValidOffsets(local);
        return local.toInstant(offsets.get(offsets.size() - 1));
    }

    private List<ZoneOffset> offsets(LocalDateTime local) {
        if (!local.equals(lastLocal)) {
            lastOffsets = RULES.getValidOffsets(local);
            lastLocal = local;
        }
        return lastOffsets;
    }
}
