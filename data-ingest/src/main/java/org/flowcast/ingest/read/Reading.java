package org.flowcast.ingest.read;

import java.time.Instant;

/**
 * One station's 5-minute totals at one instant, as a file gives them. Values a file leaves empty are
 * {@code NaN}; {@code percentObserved} is -1 where the file does not say, and {@code lanes} is 0 where
 * the file does not say how many lanes reported.
 */
public record Reading(int stationId, Instant time, float flow, float occupancy, float speed, int percentObserved, int lanes) {

    public static final int UNKNOWN_PERCENT = -1;
}
