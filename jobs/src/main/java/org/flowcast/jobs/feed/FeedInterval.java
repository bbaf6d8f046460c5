package org.flowcast.jobs.feed;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One 5-minute interval of a feed: its rows in PeMS's {@code station_5min} layout, each ending in a newline, as the
 * source holds them (a replay's bytes are the original file's).
 *
 * @param district the PeMS district of the rows, for the file's name
 * @param time     the interval's start
 * @param local    the same in Pacific local time, as the rows' timestamps give it
 * @param rows     the rows (not copied: not to be changed)
 * @param rowCount how many rows
 */
public record FeedInterval(int district, Instant time, LocalDateTime local, byte[] rows, int rowCount) {
}
