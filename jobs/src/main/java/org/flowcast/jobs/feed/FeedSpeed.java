package org.flowcast.jobs.feed;

import java.time.Duration;
import java.util.Locale;

/**
 * How much faster than real time a feed delivers its 5-minute files: 1 delivers one file every 5 minutes, 300 one a
 * second, {@link #MAX} as fast as the files can be written.
 *
 * @param factor the speed-up, from {@value #SLOWEST} to {@value #FASTEST}, or infinity for {@link #MAX}
 */
public record FeedSpeed(double factor) {
    /** As fast as possible: no waiting between files. */
    public static final FeedSpeed MAX = new FeedSpeed(Double.POSITIVE_INFINITY);
    public static final double SLOWEST = 0.01;
    public static final double FASTEST = 1_000_000;

    public FeedSpeed {
        if (!(factor >= SLOWEST && factor <= FASTEST) && factor != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("a speed lies from " + SLOWEST + " to " + (long) FASTEST + ", or is 'max'; was " + factor);
        }
    }

    /**
     * A speed as the command line writes it: {@code max}, or a number (1 = real time, 300 = one 5-minute file a second).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static FeedSpeed parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("max")) {
            return MAX;
        }
        double factor;
        try {
            factor = Double.parseDouble(value.endsWith("x") ? value.substring(0, value.length() - 1) : value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a speed is 'max' or a number (1 = real time, 300 = one 5-minute file a second), not '"
                    + text + "'");
        }
        return new FeedSpeed(factor);
    }

    public boolean unlimited() {
        return factor == Double.POSITIVE_INFINITY;
    }

    /** The wall-clock time that {@code dataTime} of data takes at this speed (zero at {@link #MAX}). */
    public Duration wallTime(Duration dataTime) {
        return unlimited() ? Duration.ZERO : Duration.ofNanos(Math.round(dataTime.toNanos() / factor));
    }

    @Override
    public String toString() {
        // as the command line writes it: max, 300, 1.5
        return unlimited() ? "max" : factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor);
    }
}
