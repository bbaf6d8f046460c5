package org.flowcast.app.dashboard.viewmodel;

import java.util.List;

/**
 * The realised accuracy of the shown corridor's live runs, one row per live model: its MAE on the newest evaluation's test
 * split (NaN where that evaluation did not test it), its MAE before live operation, its realised MAE over the last hour
 * and day, the shares of the last day's observed flows inside its 80% and 95% intervals (NaN where nothing was scored),
 * and how far it has drifted ({@code +32%}; empty where it has not). No rows: the corridor has no live run.
 */
public record LiveAccuracyData(List<Row> rows) {
    public static final LiveAccuracyData NONE = new LiveAccuracyData(List.of());

    public LiveAccuracyData {
        rows = List.copyOf(rows);
    }

    /** One live model of the corridor. */
    public record Row(String model, long runId, double testMae, double referenceMae, double hourMae, double dayMae,
                      double coverage80, double coverage95, String drift) {
        public boolean drifted() {
            return !drift.isEmpty();
        }
    }
}
