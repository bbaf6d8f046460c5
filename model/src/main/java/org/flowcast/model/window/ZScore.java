package org.flowcast.model.window;

/** One mean and standard deviation for every station's flow, fitted on training data only. */
public record ZScore(double mean, double std) {

    public ZScore {
        if (!(std > 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("a z-score needs a finite mean and a positive standard deviation");
        }
    }

    /** Fits over the finite values given. */
    public static ZScore fit(float[] values) {
        double sum = 0;
        double sumSquares = 0;
        long n = 0;
        for (float v : values) {
            if (!Float.isNaN(v)) {
                sum += v;
                sumSquares += (double) v * v;
                n++;
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("too few observed values to fit a scaler (" + n + ")");
        }
        double mean = sum / n;
        double variance = Math.max(sumSquares / n - mean * mean, 1e-12);
        return new ZScore(mean, Math.sqrt(variance));
    }

    public float scale(float value) {
        return (float) ((value - mean) / std);
    }

    public float unscale(float value) {
        return (float) (value * std + mean);
    }
}
