package org.flowcast.app.dashboard.data;

import java.time.Instant;

/**
 * One station's stored forecast from one origin; arrays are indexed by step - 1 and bounds are NaN where
 * the run has no intervals.
 */
public record StationForecast(Instant origin, float[] values, float[] lower80, float[] upper80, float[] lower95, float[] upper95) {
    public StationForecast {
        values = values.clone();
        lower80 = lower80.clone();
        upper80 = upper80.clone();
        lower95 = lower95.clone();
        upper95 = upper95.clone();
    }

    public int steps() {
        return values.length;
    }

    public float value(int step) {
        return values[step - 1];
    }

    public float lower(int step, double level) {
        return (level < 0.9 ? lower80 : lower95)[step - 1];
    }

    public float upper(int step, double level) {
        return (level < 0.9 ? upper80 : upper95)[step - 1];
    }

    public boolean hasIntervals() {
        return !Float.isNaN(lower80[0]);
    }
}
