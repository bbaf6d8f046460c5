package org.flowcast.jobs.feed;

import java.io.IOException;

/** Where a feed's intervals come from, in time order: a replay's daily files, or a simulation. */
interface IntervalSource extends AutoCloseable {
    /** The next interval, or null at the end. */
    FeedInterval next() throws IOException;

    /** How many intervals the source will give, as near as can be told before reading them (for progress). */
    long expected();

    /** Lines of the source left out as holding no PeMS time (a header, a damaged line). */
    default long skippedLines() {
        return 0;
    }

    @Override
    default void close() throws IOException {
    }
}
