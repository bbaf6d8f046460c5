package org.flowcast.core;

import java.time.ZoneId;

/** PeMS's clock: its files, and the hours of day in reports and profiles, are California local time. */
public final class PemsTime {
    public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private PemsTime() {
    }
}
