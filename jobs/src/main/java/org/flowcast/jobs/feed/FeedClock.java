package org.flowcast.jobs.feed;

/**
 * The clock a feed is paced by: a monotonic time and a way to wait. {@link #SYSTEM} is the real one; tests give one
 * that records the waits and moves its time on by them, so that pacing is tested without sleeping.
 */
public interface FeedClock {
    /** The real clock: {@link System#nanoTime()} and {@link Thread#sleep}. */
    FeedClock SYSTEM = new FeedClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    /** A monotonic time in nanoseconds, of an arbitrary origin. */
    long nanoTime();

    /** Waits {@code nanos} (more than 0). */
    void sleep(long nanos) throws InterruptedException;
}
