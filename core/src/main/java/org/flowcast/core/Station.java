package org.flowcast.core;

import java.util.Objects;

/**
 * A freeway detector station as PeMS describes it. Numeric fields that PeMS leaves empty are
 * {@code NaN} (postmile, coordinates) or 0 (lanes); text fields are never null, empty when unknown.
 */
public record Station(
        int id,
        int district,
        int freeway,
        String direction,
        String laneType,
        int lanes,
        double absolutePostmile,
        double latitude,
        double longitude,
        String name) {

    public Station {
        if (id <= 0) {
            throw new IllegalArgumentException("station id must be positive, was " + id);
        }
        direction = Objects.requireNonNullElse(direction, "");
        laneType = Objects.requireNonNullElse(laneType, "");
        name = Objects.requireNonNullElse(name, "");
        if (lanes < 0) {
            throw new IllegalArgumentException("lanes must not be negative, was " + lanes);
        }
    }

    /** A station known only by its id, as when a data file names a station the metadata lacks. */
    public static Station unknown(int id) {
        return new Station(id, 0, 0, "", "", 0, Double.NaN, Double.NaN, Double.NaN, "");
    }

    /** Freeway and direction as PeMS writes them, e.g. {@code "5-N"}. */
    public String corridor() {
        return freeway + "-" + direction;
    }
}
