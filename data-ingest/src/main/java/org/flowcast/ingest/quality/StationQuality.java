package org.flowcast.ingest.quality;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.flowcast.core.QualityFlag;
import org.flowcast.core.Station;

/**
 * What the store holds of one station: its first and last reading, how many 5-minute slots between
 * them have a reading, PeMS's mean % observed, and how many readings each check flagged or the gap
 * filler wrote.
 */
public record StationQuality(
        Station station,
        Optional<Instant> first,
        Optional<Instant> last,
        long slotsSpanned,
        long slotsPresent,
        double meanPercentObserved,
        long slotsNeverObserved,
        long slotsFilled,
        Map<QualityFlag, Long> flagged) {

    public StationQuality {
        flagged = Map.copyOf(flagged);
    }

    /** Share of the slots between the first and last reading that have one, 0 to 1. */
    public double coverage() {
        return slotsSpanned == 0 ? 0 : (double) slotsPresent / slotsSpanned;
    }

    public long flaggedTotal() {
        return flagged.values().stream().mapToLong(Long::longValue).sum();
    }
}
