package org.flowcast.core;

/** The shares of a run's input (flow values its origins read) that were observed, imputed and missing. */
public record InputShares(double observed, double imputed, double missing) {
    public static final InputShares UNKNOWN = new InputShares(Double.NaN, Double.NaN, Double.NaN);
}
