package org.flowcast.sample;

/**
 * What really happened at each station in one 5-minute interval: vehicles counted, mean occupancy
 * (0-1) and space-mean speed (mph). Arrays are indexed by station and owned by the simulator, valid
 * only during the callback.
 */
public record IntervalTruth(long interval, double[] flow, double[] occupancy, double[] speed) {
}
