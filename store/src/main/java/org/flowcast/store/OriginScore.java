package org.flowcast.store;

import java.time.Instant;

/**
 * How one origin's forecast for one step turned out, over a corridor's stations: how many observed values were scored,
 * the sums of their absolute, squared and (where the flow was not zero) relative errors, how many fell inside the 80% and
 * 95% intervals issued, and the sums of those intervals' widths. {@code targetHour} is the target's hour of day in
 * Pacific time.
 */
public record OriginScore(Instant origin, int step, Instant target, int targetHour, int scored, double absError, double sqError,
                          int pctScored, double pctError, int inside80, int inside95, double width80, double width95) {
}
