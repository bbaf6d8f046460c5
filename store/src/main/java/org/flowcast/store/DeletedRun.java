package org.flowcast.store;

/**
 * What deleting a run removed: its origin rows, per-station rows (runs written before V7), attention rows, interval
 * calibration rows, realised-accuracy rows and newest-forecast rows, and whether it was a live run.
 */
public record DeletedRun(ForecastRun run, boolean live, long originRows, long stationRows, long attentionRows, long intervalRows,
                         long scoreRows, long latestRows) {
}
