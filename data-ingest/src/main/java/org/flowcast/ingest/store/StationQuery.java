package org.flowcast.ingest.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flowcast.core.Station;

/** The stations of a database, handed out as values for callers outside this module. */
public final class StationQuery {
    private final FlowcastDatabase database;
    private final StationStore store = new StationStore();

    public StationQuery(FlowcastDatabase database) {
        this.database = database;
    }

    /** Every station, by id. */
    public Map<Integer, Station> all() throws StoreException {
        try (Connection c = database.connect()) {
            return store.all(c);
        } catch (SQLException e) {
            throw new StoreException("reading stations failed: " + DatabaseFaults.describe(e), e);
        }
    }

    /** The stations of a freeway and direction in postmile order (of one lane type, or all where null). */
    public List<Station> corridor(int freeway, String direction, String laneType) throws StoreException {
        try (Connection c = database.connect()) {
            return store.corridor(c, freeway, direction, laneType);
        } catch (SQLException e) {
            throw new StoreException("reading stations failed: " + DatabaseFaults.describe(e), e);
        }
    }
}
