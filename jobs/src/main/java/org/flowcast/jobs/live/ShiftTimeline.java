package org.flowcast.jobs.live;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcast.core.PemsTime;
import org.flowcast.core.TimeRange;

/**
 * The days of a shift bench in time (each starting at Pacific midnight): the replay starts some days before the shift, the
 * models are updated (fine-tuned, retrained) some days after it, and the replay ends with the sample. Its periods are
 * those the realised accuracy is reported over, by target time: before the shift, from the shift to the update, after
 * the update.
 *
 * @param replayStart the first replayed 5-minute interval; the days before it are the history the models are trained on
 * @param shift       the first interval of the first shifted day
 * @param update      the first interval after the models' update: the variants differ from here on
 * @param end         the end of the sample (exclusive)
 */
public record ShiftTimeline(Instant replayStart, Instant shift, Instant update, Instant end) {
    /** The period names, in the order the reports give them. */
    public static final String BEFORE = "before the shift";
    public static final String TO_UPDATE = "shift to update";
    public static final String AFTER_UPDATE = "after update";

    public ShiftTimeline {
        if (!(replayStart.isBefore(shift) && shift.isBefore(update) && update.isBefore(end))) {
            throw new IllegalArgumentException("a shift bench replays days before the shift, updates after it and replays days after "
                    + "that: " + replayStart + ", " + shift + ", " + update + ", " + end);
        }
    }

    /** The timeline of a sample starting on {@code start}: days counted from 1, as a {@code TrafficShift}'s are. */
    public static ShiftTimeline ofDays(LocalDate start, int shiftDay, int daysBefore, int updateAfterDays, int sampleDays) {
        return new ShiftTimeline(midnight(start, shiftDay - daysBefore), midnight(start, shiftDay), midnight(start, shiftDay
                + updateAfterDays), midnight(start, sampleDays + 1));
    }

    private static Instant midnight(LocalDate start, int day) {
        return start.plusDays(day - 1L).atStartOfDay(PemsTime.ZONE).toInstant();
    }

    /** Target times by period: before the shift, from it to the update, after the update. */
    public Map<String, TimeRange> periods() {
        Map<String, TimeRange> periods = new LinkedHashMap<>();
        periods.put(BEFORE, new TimeRange(replayStart, shift));
        periods.put(TO_UPDATE, new TimeRange(shift, update));
        periods.put(AFTER_UPDATE, new TimeRange(update, end));
        return periods;
    }

    /** Everything replayed. */
    public TimeRange replayed() {
        return new TimeRange(replayStart, end);
    }
}
