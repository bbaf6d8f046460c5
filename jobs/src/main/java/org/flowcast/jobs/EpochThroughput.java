package org.flowcast.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A fit's training samples/s epoch by epoch, and its steady figure: the median from the third epoch on, since the first
 * two include HotSpot's JIT warm-up (the LSTM ran 1,595 and 2,186 samples/s in epochs 1-2, then 8,176-11,576).
 */
public record EpochThroughput(List<Double> samplesPerSecond) {
    /** The epochs left out of the steady figure. */
    public static final int WARM_UP_EPOCHS = 2;

    public EpochThroughput {
        samplesPerSecond = List.copyOf(samplesPerSecond);
    }

    /** The median samples/s from the third epoch on; empty with fewer than three epochs. */
    public OptionalDouble steady() {
        if (samplesPerSecond.size() <= WARM_UP_EPOCHS) {
            return OptionalDouble.empty();
        }
        return median(samplesPerSecond.subList(WARM_UP_EPOCHS, samplesPerSecond.size()));
    }

    /** The first epoch's samples/s over the steady figure: how much the warm-up costs (1 is none). */
    public OptionalDouble firstEpochShare() {
        OptionalDouble steady = steady();
        return steady.isPresent() ? OptionalDouble.of(samplesPerSecond.get(0) / steady.getAsDouble()) : OptionalDouble.empty();
    }

    /** The median of the values (the mean of the middle two for an even count); empty for none. */
    public static OptionalDouble median(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return OptionalDouble.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }
}
