package org.flowcast.core;

import java.util.Locale;

/**
 * The highest flow, in vehicles per 5 minutes, that a forecast may give a station of a given number of lanes.
 * A freeway lane carries at most about 2,400 veh/h, 200 per 5 minutes; ingest flags a reading above
 * {@value #PER_LANE} per lane ({@value #LANES_WHEN_UNKNOWN} lanes where the count is unknown) and hands it
 * to models as missing, so no model learnt a flow past that. The ceiling is that limit with a fifth more
 * ({@value #MARGIN}), room for a model extrapolating a surge: 300 veh/5 min per lane, 3,600 veh/h, half as
 * much again as a lane carries. A forecast above it is not traffic but a damaged or edited model.
 */
public final class FlowCeiling {
    /** Vehicles per lane and 5 minutes above which ingest flags a reading (3,000 veh/h). */
    public static final int PER_LANE = 250;
    /** The lanes a station of unknown lane count is given, as ingest gives it. */
    public static final int LANES_WHEN_UNKNOWN = 10;
    /** How far above the flag a forecast may reach. */
    public static final double MARGIN = 1.2;

    private FlowCeiling() {
    }

    /** The ceiling for a station of {@code lanes} lanes (0: unknown). */
    public static float of(int lanes) {
        return (float) (counted(lanes) * PER_LANE * MARGIN);
    }

    /** The ceiling and why, for a message: "1,200 veh/5 min a station of 4 lanes carries at most". */
    static String describe(int lanes) {
        String station = lanes > 0 ? "a station of " + lanes + (lanes == 1 ? " lane" : " lanes")
                : "a station of unknown lanes (counted as " + LANES_WHEN_UNKNOWN + ")";
        return String.format(Locale.ROOT, "%,.0f veh/5 min %s can carry (%d per lane, as ingest flags, and a fifth more)", of(lanes),
                station, PER_LANE);
    }

    private static int counted(int lanes) {
        return lanes > 0 ? lanes : LANES_WHEN_UNKNOWN;
    }
}
