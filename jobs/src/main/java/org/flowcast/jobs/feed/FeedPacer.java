package org.flowcast.jobs.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * Holds each file of a feed back until it is due: the first at once, each later one when as much wall-clock time has
 * passed since the first as its data time lies after the first's, divided by the speed. A file late (a slow disk)
 * goes at once, and the ones after it keep their own times, so the feed never drifts.
 */
final class FeedPacer {
    private final FeedSpeed speed;
    private final FeedClock clock;
    private Instant firstData;
    private long firstNanos;

    FeedPacer(FeedSpeed speed, FeedClock clock) {
        this.speed = speed;
        this.clock = clock;
    }

    /** Waits until the file of data time {@code time} is due. */
    void awaitDue(Instant time) throws InterruptedException {
        if (firstData == null) {
            firstData = time;
            firstNanos = clock.nanoTime();
            return;
        }
        if (speed.unlimited()) {
            return;
        }
        long due = firstNanos + speed.wallTime(Duration.between(firstData, time)).toNanos();
        long wait = due - clock.nanoTime();
        if (wait > 0) {
            clock.sleep(wait);
        }
    }
}
