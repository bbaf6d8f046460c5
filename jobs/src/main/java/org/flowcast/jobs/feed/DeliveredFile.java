package org.flowcast.jobs.feed;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A file a feed has put into the inbox.
 *
 * @param name     its name in the inbox
 * @param time     the start of its interval
 * @param local    the same in Pacific local time
 * @param rows     the rows it holds
 * @param sequence its number among the run's interval files, 1 first
 */
public record DeliveredFile(String name, Instant time, LocalDateTime local, int rows, long sequence) {
}
