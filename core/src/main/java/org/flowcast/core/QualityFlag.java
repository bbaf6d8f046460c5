package org.flowcast.core;

import java.util.Set;

/**
 * Per-slot marks kept in the store beside each value. {@link #PRESENT} and {@link #FILLED} say where
 * a value came from; the others are failed plausibility checks: a flagged value is kept and shown,
 * but the store hands it to models as missing.
 */
public enum QualityFlag {
    /** A file gave a row for this slot. */
    PRESENT(1, Set.of()),
    /** The gap filler wrote the value. */
    FILLED(2, Set.of()),
    NEGATIVE_FLOW(4, Set.of(Channel.FLOW)),
    OCCUPANCY_OUT_OF_RANGE(8, Set.of(Channel.OCCUPANCY)),
    FLOW_ABOVE_CAPACITY(16, Set.of(Channel.FLOW)),
    SPEED_OUT_OF_RANGE(32, Set.of(Channel.SPEED)),
    /** The same reading repeated for hours: a stuck detector. */
    STUCK(64, Set.of(Channel.FLOW, Channel.OCCUPANCY, Channel.SPEED));

    /** Highest plausible flow per lane in vehicles per 5 minutes (3,000 veh/h). */
    public static final float MAX_FLOW_PER_LANE = 250f;
    public static final float MAX_SPEED_MPH = 100f;
    /**
     * Lanes assumed where a station's lane count is unknown (no metadata, an empty Lanes field, every
     * {@code .npz} station): more than any PeMS mainline has, so that the check only catches flows no
     * station can carry, such as an infinite one.
     */
    public static final int MAX_LANES = 10;
    /** A reading repeated for this many steps (3 hours) counts as stuck. */
    public static final int STUCK_STEPS = 36;

    private final int bit;
    private final Set<Channel> channels;

    QualityFlag(int bit, Set<Channel> channels) {
        this.bit = bit;
        this.channels = channels;
    }

    public int bit() {
        return bit;
    }

    public boolean isSet(int flags) {
        return (flags & bit) != 0;
    }

    /** Bits that mark a failed check (not PRESENT/FILLED). */
    public static final int CHECK_BITS = NEGATIVE_FLOW.bit | OCCUPANCY_OUT_OF_RANGE.bit | FLOW_ABOVE_CAPACITY.bit
            | SPEED_OUT_OF_RANGE.bit | STUCK.bit;

    private static final int[] INVALIDATING = new int[Channel.COUNT];

    static {
        for (QualityFlag flag : values()) {
            for (Channel channel : flag.channels) {
                INVALIDATING[channel.ordinal()] |= flag.bit;
            }
        }
    }

    /** The bits of the checks of one channel's own value (not {@link #STUCK}, which looks at all three). */
    public static int checkBits(Channel channel) {
        return INVALIDATING[channel.ordinal()] & ~STUCK.bit;
    }

    /** The bits of failed checks that invalidate a channel. */
    public static int invalidatingBits(Channel channel) {
        return INVALIDATING[channel.ordinal()];
    }


    /**
     * The failed checks of one reading. With {@code lanes} 0 (unknown) the capacity check uses
     * {@link #MAX_LANES}; an infinite value always fails its check.
     */
    public static int check(float flow, float occupancy, float speed, int lanes) {
        int flags = 0;
        if (flow < 0) {
            flags |= NEGATIVE_FLOW.bit;
        }
        if (flow > (lanes > 0 ? lanes : MAX_LANES) * MAX_FLOW_PER_LANE) {
            flags |= FLOW_ABOVE_CAPACITY.bit;
        }
        if (occupancy < 0 || occupancy > 1) {
            flags |= OCCUPANCY_OUT_OF_RANGE.bit;
        }
        if (speed < 0 || speed > MAX_SPEED_MPH) {
            flags |= SPEED_OUT_OF_RANGE.bit;
        }
        return flags;
    }
}
