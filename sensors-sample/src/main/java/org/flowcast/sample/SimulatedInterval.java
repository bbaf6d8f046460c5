package org.flowcast.sample;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One 5-minute interval of a simulated district: every station's row in PeMS's {@code station_5min} layout, each ending
 * in a newline, exactly as the interval's lines of the daily file; a station whose row is missing has none.
 *
 * @param index    the interval's number from the sample's start, 0 first
 * @param time     the interval's start
 * @param local    the same in Pacific local time, as its rows' timestamps give it
 * @param rows     the rows
 * @param rowCount how many rows
 */
public record SimulatedInterval(long index, Instant time, LocalDateTime local, String rows, int rowCount) {
}
