package org.flowcast.core;

import java.time.Duration;

/** Short horizons reach up to 30 minutes ahead; long ones lie beyond 30 minutes (35 minutes to 2 hours). */
public enum HorizonClass {
    SHORT,
    LONG;

    /** The longest lead time that still counts as short. */
    public static final Duration SHORT_LIMIT = Duration.ofMinutes(30);

    public static HorizonClass of(Duration lead) {
        if (lead.isNegative() || lead.isZero()) {
            throw new IllegalArgumentException("a lead time must be positive, was " + lead);
        }
        return lead.compareTo(SHORT_LIMIT) <= 0 ? SHORT : LONG;
    }
}
