package org.flowcast.core;

/**
 * Masked errors of many forecasts kept per 1-based horizon step, so that a metric can be read
 * per step and pooled over all steps ("average" in the benchmark tables pools every step and station).
 */
public final class HorizonErrors {
    private final MaskedErrorSums[] perStep;

    public HorizonErrors(int horizonSteps) {
        perStep = new MaskedErrorSums[horizonSteps];
        for (int h = 0; h < horizonSteps; h++) {
            perStep[h] = new MaskedErrorSums();
        }
    }

    public int horizonSteps() {
        return perStep.length;
    }

    public void add(int h, double truth, double prediction) {
        perStep[h - 1].add(truth, prediction);
    }

    /** Adds a whole forecast against the truth {@code truth[h - 1][s]} at the same stations. */
    public void add(Forecast forecast, float[][] truth) {
        for (int h = 1; h <= Math.min(forecast.horizonSteps(), perStep.length); h++) {
            for (int s = 0; s < forecast.stationCount(); s++) {
                add(h, truth[h - 1][s], forecast.value(h, s));
            }
        }
    }

    public double at(Metric metric, int h) {
        return metric.of(perStep[h - 1]);
    }

    public double pooled(Metric metric) {
        MaskedErrorSums all = new MaskedErrorSums();
        for (MaskedErrorSums sums : perStep) {
            all.addAll(sums);
        }
        return metric.of(all);
    }

    public long count(int h) {
        return perStep[h - 1].count();
    }
}
