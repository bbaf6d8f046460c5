package org.flowcast.reports;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The Diebold–Mariano test of equal accuracy of two forecasts, with the Harvey–Leybourne–Newbold
 * small-sample correction: loss differentials {@code d_t = L(a_t) - L(b_t)}, a long-run variance with
 * autocovariances up to lag {@code h - 1}, and a two-sided p-value from Student's t with n - 1 degrees
 * of freedom (Commons Math). A negative statistic means the first forecast is more accurate.
 */
public record DieboldMariano(double statistic, double pValue, int n) {

    /**
     * @param lossA per-origin losses of the first forecast (e.g. its MAE at one horizon step)
     * @param lossB the second forecast's losses at the same origins
     * @param h the horizon step, in steps
     */
    public static DieboldMariano test(double[] lossA, double[] lossB, int h) {
        if (lossA.length != lossB.length) {
            throw new IllegalArgumentException("the two loss series need the same origins");
        }
        int n = 0;
        double[] d = new double[lossA.length];
        for (int i = 0; i < lossA.length; i++) {
            if (Double.isFinite(lossA[i]) && Double.isFinite(lossB[i])) {
                d[n++] = lossA[i] - lossB[i];
            }
        }
        if (n < 3) {
            return new DieboldMariano(Double.NaN, Double.NaN, n);
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += d[i];
        }
        mean /= n;
        double variance = autocovariance(d, n, mean, 0);
        for (int k = 1; k < h && k < n; k++) {
            variance += 2 * autocovariance(d, n, mean, k);
        }
        if (!(variance > 0)) {
            return new DieboldMariano(mean == 0 ? 0 : Double.NaN, mean == 0 ? 1 : Double.NaN, n);
        }
        double dm = mean / Math.sqrt(variance / n);
        double correction = Math.sqrt((n + 1 - 2.0 * h + h * (h - 1.0) / n) / n);
        double statistic = dm * correction;
        double p = 2 * new TDistribution(n - 1).cumulativeProbability(-Math.abs(statistic));
        return new DieboldMariano(statistic, p, n);
    }

    private static double autocovariance(double[] d, int n, double mean, int lag) {
        double sum = 0;
        for (int i = lag; i < n; i++) {
            sum += (d[i] - mean) * (d[i - lag] - mean);
        }
        return sum / n;
    }
}
