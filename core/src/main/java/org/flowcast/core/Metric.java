package org.flowcast.core;

/**
 * Masked point-forecast error measures in the original units, as in LibCity and BasicTS: a pair
 * counts only where the true value is finite and not 0 (and, where a mask is given, marked valid).
 * MAPE is in percent.
 */
public enum Metric {
    MAE {
        @Override
        public double of(MaskedErrorSums sums) {
            return sums.count() == 0 ? Double.NaN : sums.absoluteErrorSum() / sums.count();
        }
    },
    RMSE {
        @Override
        public double of(MaskedErrorSums sums) {
            return sums.count() == 0 ? Double.NaN : Math.sqrt(sums.squaredErrorSum() / sums.count());
        }
    },
    MAPE {
        @Override
        public double of(MaskedErrorSums sums) {
            return sums.count() == 0 ? Double.NaN : 100.0 * sums.relativeErrorSum() / sums.count();
        }
    };

    /** The measure over accumulated sums; NaN where nothing was counted. */
    public abstract double of(MaskedErrorSums sums);

    /** The measure over paired arrays, masked where the truth is 0 or missing. */
    public double of(float[] truth, float[] prediction) {
        return of(truth, prediction, null);
    }

    /** The measure over paired arrays, also leaving out pairs whose {@code valid} entry is false. */
    public double of(float[] truth, float[] prediction, boolean[] valid) {
        if (truth.length != prediction.length || (valid != null && valid.length != truth.length)) {
            throw new IllegalArgumentException("truth, prediction and mask need the same length");
        }
        MaskedErrorSums sums = new MaskedErrorSums();
        for (int i = 0; i < truth.length; i++) {
            if (valid == null || valid[i]) {
                sums.add(truth[i], prediction[i]);
            }
        }
        return of(sums);
    }

    /** Whether a true value takes part in the masked measures. */
    public static boolean counts(double truth) {
        return Double.isFinite(truth) && truth != 0;
    }
}
