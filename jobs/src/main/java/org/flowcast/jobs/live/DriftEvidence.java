package org.flowcast.jobs.live;

/**
 * How much realised accuracy a drift judgement rests on, for the watcher and every reader of its tables alike: an hour of
 * targets (12) of each of the model's steps and stations, at least half of them observed. Fewer values say more about
 * the hour than about the model: a 20-station corridor scores 240 values for every 5-minute target time.
 */
public final class DriftEvidence {
    /** Target times of an hour, halved: the share of them that may go unobserved. */
    private static final long HALF_AN_HOUR_OF_TARGETS = 6;

    private DriftEvidence() {
    }

    /** The values a window must have scored before its MAE is held to the model's error before live operation. */
    public static long minimumScored(int horizonSteps, int stations) {
        return HALF_AN_HOUR_OF_TARGETS * horizonSteps * stations;
    }
}
