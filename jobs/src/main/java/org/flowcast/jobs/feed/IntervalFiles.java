package org.flowcast.jobs.feed;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcast.core.PemsTime;

/**
 * The name and content of each interval's file. Every interval gets a file of its rows, except the second pass of the
 * hour that occurs twice when the clocks fall back: its rows carry the same local times as the first pass's, and the
 * ingest tells the two apart only by their order within one file (the earlier row of a station is daylight time). So
 * the file of a standard-time interval ({@code ..._0105_pst.txt}) holds the same interval's first-pass rows again and
 * then its own: the repeated rows are exact duplicates of ones already delivered, which the ingest counts and skips.
 * A station whose first-pass row is missing there cannot be told apart and its row is read as daylight time.
 */
final class IntervalFiles {
    private static final byte[] NONE = new byte[0];
    private static final ZoneRules RULES = PemsTime.ZONE.getRules();

    /** One file's name and content, in parts written one after the other. */
    record IntervalFile(String name, byte[]... parts) {
    }

    private final Map<LocalDateTime, byte[]> firstPass = new HashMap<>();

    IntervalFile of(FeedInterval interval) {
        LocalDateTime local = interval.local();
        List<ZoneOffset> offsets = RULES.getValidOffsets(local);
        if (offsets.size() < 2) {
            if (!firstPass.isEmpty()) {
                firstPass.clear();
            }
            return new IntervalFile(FeedFileName.of(interval.district(), local, false), interval.rows());
        }
        boolean standardTime = interval.time().equals(local.toInstant(offsets.get(offsets.size() - 1)));
        if (!standardTime) {
            firstPass.put(local, interval.rows());
            return new IntervalFile(FeedFileName.of(interval.district(), local, false), interval.rows());
        }
        return new IntervalFile(FeedFileName.of(interval.district(), local, true), firstPass.getOrDefault(local, NONE), interval.rows());
    }
}
