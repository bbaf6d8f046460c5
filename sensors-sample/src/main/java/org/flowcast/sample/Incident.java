package org.flowcast.sample;

/** A capacity drop to {@code capacityFactor} at one cell from step {@code start} (inclusive) to {@code end}. */
public record Incident(long start, long end, int cell, double capacityFactor) {

    public boolean activeAt(long step) {
        return step >= start && step < end;
    }
}
