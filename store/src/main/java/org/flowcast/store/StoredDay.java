package org.flowcast.store;

import java.io.Serializable;

/**
 * One row of {@code observation_day} as its column values: a station's 288 five-minute slots of one UTC
 * day, packed as the store keeps them. For readers that fetch the rows themselves (a Spark job through
 * Spark's JDBC source) and hand them to {@link SeriesQuery#fromStoredDays(java.util.List, Iterable)}, which decodes them as every
 * other reader does.
 */
public record StoredDay(int stationId, int utcDay, byte[] flow, byte[] occupancy, byte[] speed, byte[] percentObserved, byte[] flags)
        implements Serializable {
    /** The columns of {@code observation_day} in the order of this record's components. */
    public static final String COLUMNS = "station_id, utc_day, flow, occupancy, speed, pct_observed, flags";
}
