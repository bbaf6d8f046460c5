package org.flowcast.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open span of time, {@code from} included and {@code to} excluded. */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a time range cannot end (" + PemsTime.format(to) + ") before it starts ("
                    + PemsTime.format(from) + ")");
        }
    }

    public Duration duration() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant time) {
        return !time.isBefore(from) && time.isBefore(to);
    }

    /** The range as a user reads it: {@code 2022-01-03 08:00 PST to 2022-01-04 08:00 PST} ({@link PemsTime#format}). */
    public String describe() {
        return PemsTime.format(from) + " to " + PemsTime.format(to);
    }

    /** The steps of the given length that fit from {@code from} on. */
    public int steps(Duration step) {
        return (int) (duration().toNanos() / step.toNanos());
    }
}
