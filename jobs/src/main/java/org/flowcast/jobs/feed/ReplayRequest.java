package org.flowcast.jobs.feed;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A replay of historical PeMS files as a live feed ({@code flowcast replay}).
 *
 * @param source a folder of daily {@code station_5min} files (searched through), or one such file
 * @param inbox  the folder the feed's files land in, made if absent
 * @param speed  how much faster than real time
 * @param from   the first interval to deliver (inclusive), to continue a run; else the first of the source
 * @param to     the interval to stop before (exclusive); else the source's end
 * @param steps  the most interval files to deliver; else no limit
 */
public record ReplayRequest(Path source, Path inbox, FeedSpeed speed, Optional<Instant> from, Optional<Instant> to, OptionalLong steps) {
}
