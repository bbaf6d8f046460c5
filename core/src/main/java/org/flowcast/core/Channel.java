package org.flowcast.core;

/** The measured quantities of a detector station, in the order {@link SensorSeries} stores them. */
public enum Channel {
    /** Vehicles per interval, summed over lanes. */
    FLOW("veh/5 min"),
    /** Fraction of time a detector is occupied, 0 to 1, averaged over lanes. */
    OCCUPANCY("fraction"),
    /** Average speed in miles per hour. */
    SPEED("mph");

    private final String unit;

    Channel(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    public static final int COUNT = values().length;
}
