package org.flowcast.store;

import java.time.Instant;

/**
 * A live run's stored forecast from one origin: every station's steps in the run's station order, station by station,
 * and the 80% then 95% half-widths per step its intervals were issued with (empty where the run's calibration holds).
 */
public record StoredOrigin(Instant origin, float[] flows, float[] halfWidths) {
    public StoredOrigin {
        flows = flows.clone();
        halfWidths = halfWidths.clone();
    }

    @Override
    public float[] flows() {
        return flows.clone();
    }

    @Override
    public float[] halfWidths() {
        return halfWidths.clone();
    }

    /** A station's value (by its index in the run's order) at a step, for a run of {@code horizon} steps. */
    public float value(int stationIndex, int step, int horizon) {
        return flows[stationIndex * horizon + step - 1];
    }

    /** The half-width issued at a level's index (0: 80%, 1: 95%) and a step; NaN where none was recorded. */
    public float halfWidth(int level, int step, int horizon) {
        int i = level * horizon + step - 1;
        return i < halfWidths.length ? halfWidths[i] : Float.NaN;
    }
}
