package org.flowcast.core;

/**
 * A central prediction interval at a nominal coverage {@code level} (0.8 for 80%):
 * {@code lower[h][s]} and {@code upper[h][s]} bound the flow {@code h + 1} steps ahead at station {@code s}.
 */
public record PredictionInterval(double level, float[][] lower, float[][] upper) {

    public PredictionInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie strictly between 0 and 1, was " + level);
        }
        if (lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("lower and upper bounds need the same, non-zero number of steps");
        }
        lower = FloatMatrix.copyOf(lower, lower[0].length, "lower");
        upper = FloatMatrix.copyOf(upper, lower[0].length, "upper");
    }

    public int horizonSteps() {
        return lower.length;
    }

    public int stationCount() {
        return lower[0].length;
    }

    public float lower(int h, int s) {
        return lower[h - 1][s];
    }

    public float upper(int h, int s) {
        return upper[h - 1][s];
    }

    @Override
    public float[][] lower() {
        return FloatMatrix.copyOf(lower, stationCount(), "lower");
    }

    @Override
    public float[][] upper() {
        return FloatMatrix.copyOf(upper, stationCount(), "upper");
    }

    /** Whether no bound lies below zero flow. */
    public boolean notBelowZero() {
        for (int h = 0; h < lower.length; h++) {
            for (int s = 0; s < lower[h].length; s++) {
                if (lower[h][s] < 0 || upper[h][s] < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** This interval with every bound below zero flow raised to zero. */
    public PredictionInterval raisedToZero() {
        float[][] low = lower();
        float[][] high = upper();
        for (int h = 0; h < low.length; h++) {
            for (int s = 0; s < low[h].length; s++) {
                low[h][s] = Math.max(0, low[h][s]);
                high[h][s] = Math.max(0, high[h][s]);
            }
        }
        return new PredictionInterval(level, low, high);
    }
}
