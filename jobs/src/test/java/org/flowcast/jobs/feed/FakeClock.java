package org.flowcast.jobs.feed;

import java.util.ArrayList;
import java.util.List;

/** A clock that does not sleep: a wait moves its time on and is recorded; {@link #onSleep} runs at each wait. */
final class FakeClock implements FeedClock {
    final List<Long> sleeps = new ArrayList<>();
    Runnable onSleep = () -> {
    };
    private long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        sleeps.add(nanos);
        now += nanos;
        onSleep.run();
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("stopped");
        }
    }

    /** Time passing while a file is written. */
    void advance(long nanos) {
        now += nanos;
    }
}
