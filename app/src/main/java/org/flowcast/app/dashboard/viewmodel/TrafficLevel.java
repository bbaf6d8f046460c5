package org.flowcast.app.dashboard.viewmodel;

/**
 * Congestion on a 0 (free) to 1 (jammed) scale, the quantity behind the red–amber–green colours.
 * Speed maps 65 mph to 0 and 25 mph to 1; flow maps lane utilisation (veh/h/lane over a nominal
 * 2,000) of 30% to 0 and 90% to 1.
 */
public final class TrafficLevel {
    /** Lanes assumed where the metadata gives none. */
    static final int DEFAULT_LANES = 3;

    private TrafficLevel() {
    }

    /** The three colours an analyst reads at a glance. */
    public enum Condition {
        FREE, SLOWING, CONGESTED, UNKNOWN;

        public static Condition of(double level) {
            if (Double.isNaN(level)) {
                return UNKNOWN;
            }
            return level < 1.0 / 3 ? FREE : level < 2.0 / 3 ? SLOWING : CONGESTED;
        }
    }

    public static double ofSpeed(double mph) {
        return Double.isNaN(mph) ? Double.NaN : clamp((65 - mph) / 40);
    }

    /** @param flowPerFiveMinutes vehicles in five minutes across all lanes */
    public static double ofFlow(double flowPerFiveMinutes, int lanes) {
        if (Double.isNaN(flowPerFiveMinutes)) {
            return Double.NaN;
        }
        double utilisation = flowPerFiveMinutes * 12 / (Math.max(1, lanes == 0 ? DEFAULT_LANES : lanes) * 2000.0);
        return clamp((utilisation - 0.3) / 0.6);
    }

    /** Vehicles per hour per lane from a five-minute count. */
    public static double perLaneHour(double flowPerFiveMinutes, int lanes) {
        return flowPerFiveMinutes * 12 / (lanes == 0 ? DEFAULT_LANES : lanes);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
