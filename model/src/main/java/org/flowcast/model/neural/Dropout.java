package org.flowcast.model.neural;

import java.util.SplittableRandom;
import org.flowcast.model.autodiff.Tensor;

/**
 * Inverted dropout for one training pass: each element is kept with probability {@code 1 − rate} and
 * scaled by {@code 1 / (1 − rate)}, so that a prediction pass ({@link #OFF}) needs no rescaling. The
 * masks come from a seed, so a training run repeats exactly.
 */
public final class Dropout {
    /** No dropout: prediction passes and models trained without it. */
    public static final Dropout OFF = new Dropout(null);

    private final SplittableRandom random;

    private Dropout(SplittableRandom random) {
        this.random = random;
    }

    /** Dropout drawing its masks from the given seed, one pass on one thread. */
    public static Dropout seeded(long seed) {
        return new Dropout(new SplittableRandom(seed));
    }

    /** {@code x} with elements dropped at the given rate in a training pass; {@code x} itself otherwise. */
    public Tensor apply(Tensor x, double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("a dropout rate must be in [0, 1), not " + rate);
        }
        if (random == null || rate == 0) {
            return x;
        }
        float kept = (float) (1 / (1 - rate));
        float[] factors = new float[x.size()];
        for (int i = 0; i < factors.length; i++) {
            factors[i] = random.nextDouble() < rate ? 0f : kept;
        }
        return x.scaledBy(factors);
    }
}
