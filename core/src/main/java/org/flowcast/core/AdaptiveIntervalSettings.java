package org.flowcast.core;

/**
 * The settings of {@link AdaptiveIntervals}: the step size γ of the adaptive conformal update, how many origins' scores
 * each horizon step's window keeps, and how many it must hold before its quantile replaces the split-conformal
 * calibration. Windows count origins of {@code stationCount} scores each, so that their size in memory is fixed: a
 * window holds at most {@code windowOrigins × stationCount} scores, and is used from
 * {@code minimumOrigins × stationCount} on (missing and zero observed flows bring no score, so with gaps the window
 * spans more time).
 *
 * @param stepSize       γ: how far one origin's miss share moves α_t; the paper's experiments use 0.005
 * @param windowOrigins  origins of scores kept per step, the oldest leaving first
 * @param minimumOrigins origins of scores a window needs before its quantile is used, at most {@code windowOrigins}
 */
public record AdaptiveIntervalSettings(double stepSize, int windowOrigins, int minimumOrigins) {

    /** γ = 0.005 (Gibbs and Candès's choice), a week of 5-minute origins in the window, used after a day. */
    public static final AdaptiveIntervalSettings DEFAULT = new AdaptiveIntervalSettings(0.005, 7 * 288, 288);

    public AdaptiveIntervalSettings {
        if (!(stepSize > 0 && stepSize < 1)) {
            throw new IllegalArgumentException("the step size γ must lie strictly between 0 and 1, was " + stepSize);
        }
        if (windowOrigins < 1) {
            throw new IllegalArgumentException("the window must keep at least one origin, was " + windowOrigins);
        }
        if (minimumOrigins < 1 || minimumOrigins > windowOrigins) {
            throw new IllegalArgumentException("the minimum must lie between 1 and the window's " + windowOrigins
                    + " origins, was " + minimumOrigins);
        }
    }
}
