package org.flowcast.store;

/** Identifies a block. */
public record StationDay(int stationId, int utcDay) {
    static StationDay of(DayBlock block) {
        return new StationDay(block.stationId, block.utcDay);
    }
}
