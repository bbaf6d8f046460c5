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

    /** The longest direction, lane type and name a station may have (the store's columns are as wide). */
    public static final int MAX_DIRECTION = 4;
    public static final int MAX_LANE_TYPE = 8;
    public static final int MAX_NAME = 200;

    public Station {
        if (id <= 0) {
            throw new IllegalArgumentException("station id must be positive, was " + id);
        }
        direction = Objects.requireNonNullElse(direction, "");
        laneType = Objects.requireNonNullElse(laneType, "");
        name = Objects.requireNonNullElse(name, "");
        requireAtMost(direction, MAX_DIRECTION, "direction");
        requireAtMost(laneType, MAX_LANE_TYPE, "lane type");
        requireAtMost(name, MAX_NAME, "name");
        if (lanes < 0) {
            throw new IllegalArgumentException("lanes must not be negative, was " + lanes);
        }
    }

    private static void requireAtMost(String text, int length, String what) {
        if (text.length() > length) {
            throw new IllegalArgumentException("a station " + what + " holds at most " + length + " characters, was "
                    + text.length() + " ('" + text.substring(0, Math.min(text.length(), 40)) + (text.length() > 40 ? "...'" : "'") + ")");
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
