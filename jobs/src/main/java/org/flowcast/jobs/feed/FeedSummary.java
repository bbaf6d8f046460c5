package org.flowcast.jobs.feed;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a feed delivered.
 *
 * @param inbox        where to
 * @param metadata     the metadata files copied first, by name
 * @param files        the interval files delivered
 * @param rows         the rows they hold
 * @param first        the first interval delivered, if any
 * @param last         the last
 * @param stopped      whether the run was stopped (Ctrl-C) before its end
 * @param resumeFrom   where a run that did not reach its source's end (stopped, or its step limit) continues:
 *                     the interval after the last delivered
 * @param skippedLines lines of the source left out as holding no PeMS time
 * @param seconds      the run's wall-clock time
 */
public record FeedSummary(Path inbox, List<String> metadata, long files, long rows, Optional<Instant> first, Optional<Instant> last,
                          boolean stopped, Optional<Instant> resumeFrom, long skippedLines, double seconds) {
}
