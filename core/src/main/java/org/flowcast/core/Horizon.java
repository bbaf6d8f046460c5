package org.flowcast.core;

import java.time.Duration;
import java.util.stream.IntStream;

/** A forecast horizon of {@code steps} steps of {@code step} each; steps count from 1. */
public record Horizon(int steps, Duration step) {

    /** The standard horizon: 12 steps of 5 minutes, one hour. */
    public static final Horizon STANDARD = new Horizon(12, SensorSeries.FIVE_MINUTES);
    /** The long horizon: 24 steps of 5 minutes, two hours. */
    public static final Horizon LONG = new Horizon(24, SensorSeries.FIVE_MINUTES);

    /** The last step of a 5-minute horizon that is still short (30 minutes): 6. */
    public static final int SHORT_STEPS = STANDARD.stepsOf(HorizonClass.SHORT).length;

    /** The steps every report, benchmark table and dashboard comparison shows: 3, 6, 12 and 24, where the horizon reaches them. */
    public static int[] reportedSteps(int horizonSteps) {
        return IntStream.of(3, 6, 12, 24).filter(s -> s <= horizonSteps).toArray();
    }

    public Horizon {
        if (steps < 1) {
            throw new IllegalArgumentException("a horizon needs at least one step, was " + steps);
        }
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
    }

    public Duration lead(int h) {
        if (h < 1 || h > steps) {
            throw new IndexOutOfBoundsException("step " + h + " is outside 1.." + steps);
        }
        return step.multipliedBy(h);
    }

    public HorizonClass classOf(int h) {
        return HorizonClass.of(lead(h));
    }

    /** The 1-based steps of the given class, in order. */
    public int[] stepsOf(HorizonClass horizonClass) {
        return IntStream.rangeClosed(1, steps).filter(h -> classOf(h) == horizonClass).toArray();
    }
}
