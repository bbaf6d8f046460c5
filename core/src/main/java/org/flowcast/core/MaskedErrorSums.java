package org.flowcast.core;

/**
 * Running sums of absolute, squared and relative errors over the pairs that {@link Metric#counts}
 * admits, so that metrics can be pooled over stations, origins and steps without keeping every error.
 */
public final class MaskedErrorSums {
    private long count;
    private double absoluteErrorSum;
    private double squaredErrorSum;
    private double relativeErrorSum;

    /** Adds one pair; a pair whose truth does not count is ignored. A NaN prediction is a model bug. */
    public void add(double truth, double prediction) {
        if (!Metric.counts(truth)) {
            return;
        }
        if (!Double.isFinite(prediction)) {
            throw new IllegalArgumentException("prediction is not finite: " + prediction);
        }
        double error = Math.abs(prediction - truth);
        count++;
        absoluteErrorSum += error;
        squaredErrorSum += error * error;
        relativeErrorSum += error / Math.abs(truth);
    }

    public void addAll(MaskedErrorSums other) {
        count += other.count;
        absoluteErrorSum += other.absoluteErrorSum;
        squaredErrorSum += other.squaredErrorSum;
        relativeErrorSum += other.relativeErrorSum;
    }

    public long count() {
        return count;
    }

    public double absoluteErrorSum() {
        return absoluteErrorSum;
    }

    public double squaredErrorSum() {
        return squaredErrorSum;
    }

    public double relativeErrorSum() {
        return relativeErrorSum;
    }
}
