package org.flowcast.jobs.live;

import java.time.Duration;
import java.time.Instant;

/**
 * What realised accuracy a drift judgement rests on, for the watcher and every reader of its tables alike: a window
 * covered whole (its hours from its start), with an hour of targets (12) of each of the model's steps and stations, at
 * least half of them observed. Fewer values say more about the hour than about the model: a 20-station corridor scores
 * 240 values for every 5-minute target time.
 */
public final class DriftEvidence {
    /** Target times of an hour, halved: the share of them that may go unobserved. */
    private static final long HALF_AN_HOUR_OF_TARGETS = 6;

    /** Slack at a window's start: a feed may have missed its first files. */
    private static final Duration START_SLACK = Duration.ofHours(1);

    private DriftEvidence() {
    }

    /** The values a window must have scored before its MAE is held to the model's error before live operation. */
    public static long minimumScored(int horizonSteps, int stations) {
        return HALF_AN_HOUR_OF_TARGETS * horizonSteps * stations;
    }

    /**
     * Whether a window's scores cover it whole: its first scored target no later than an hour after the window's start.
     * Part of a day holds the model's error of those hours only, where the error before live operation is a whole day's:
     * the rush hours alone can pass for drift, and the night hides it (on the live tests' district, a Sunday's first 12
     * hours scored an MAE of 5.7 at step 1 to 12.9 at step 11 against the whole day before's 25.9).
     */
    public static boolean coversWindow(Instant firstScoredTarget, Instant windowStart) {
        return !firstScoredTarget.isAfter(windowStart.plus(START_SLACK));
    }
}
