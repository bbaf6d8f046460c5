package org.flowcast.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The stored day blocks of readings ({@code observation_day}) as values: visited one at a time for summaries,
 * or changed in one transaction.
 */
public final class ObservationBlocks {
    private final FlowcastDatabase database;
    private final ObservationStore store = new ObservationStore();

    public ObservationBlocks(FlowcastDatabase database) {
        this.database = database;
    }

    /** Works out which of the loaded blocks to save; the blocks it returns are written. */
    @FunctionalInterface
    public interface Change {
        Collection<DayBlock> apply(Map<StationDay, DayBlock> stored);
    }

    /** How many station-days hold readings. */
    public long count() throws StoreException {
        return database.read("counting the stored readings", store::count);
    }

    /** Visits every stored block, station by station in day order, without holding the table. */
    public void forEach(Consumer<DayBlock> visitor) throws StoreException {
        database.read("reading the stored readings", c -> {
            store.forEachBlock(c, visitor);
            return null;
        });
    }

    /**
     * Loads the stations' blocks of days {@code fromDay} to {@code toDay} and saves what {@code change} returns, in
     * one transaction: nothing is changed if it fails. Returns the number of blocks saved.
     */
    public int update(List<Integer> stationIds, int fromDay, int toDay, Change change) throws StoreException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                Map<StationDay, DayBlock> stored = store.load(c, stationIds, fromDay, toDay);
                Set<StationDay> inDatabase = new HashSet<>(stored.keySet());
                Collection<DayBlock> changed = change.apply(stored);
                store.save(c, changed, inDatabase);
                c.commit();
                return changed.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("storing readings failed, nothing was changed: " + DatabaseFaults.describe(e), e);
        }
    }
}
