package org.flowcast.store;

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
        return database.read("reading stations", store::all);
    }

    /** The stations of a freeway and direction in postmile order (of one lane type, or all where null). */
    public List<Station> corridor(int freeway, String direction, String laneType) throws StoreException {
        return database.read("reading stations", c -> store.corridor(c, freeway, direction, laneType));
    }
}
