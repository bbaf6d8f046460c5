package org.flowcast.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.flowcast.core.Station;

/**
 * One ingest transaction: the stations, readings and file log entries of a batch of whole files, written
 * together and committed (or rolled back) as one, through values only. The stored day blocks the transaction
 * touches are kept in memory between its files ({@link BlockMerge}). Close it after a commit or a rollback;
 * closing an uncommitted transaction discards it.
 */
public final class IngestTransaction implements AutoCloseable {
    private final Connection connection;
    private final StationStore stations = new StationStore();
    private final IngestLog log = new IngestLog();
    private final BlockMerge blocks = new BlockMerge(new ObservationStore());

    private IngestTransaction(Connection connection) {
        this.connection = connection;
    }

    /** Begins a transaction on a new connection of the database. */
    public static IngestTransaction begin(FlowcastDatabase database) throws StoreException {
        try {
            Connection c = database.connect();
            c.setAutoCommit(false);
            return new IngestTransaction(c);
        } catch (SQLException e) {
            throw fault("starting an ingest transaction", e);
        }
    }

    /** The stored stations, by id: whether metadata described each, and its lanes. */
    public Map<Integer, KnownStation> knownStations() throws StoreException {
        try {
            return stations.known(connection);
        } catch (SQLException e) {
            throw fault("reading the stored stations", e);
        }
    }

    /** Writes stations read from a metadata file: new ones inserted, {@code existing} ones updated (the set grows). */
    public void saveFromMetadata(Collection<Station> read, Set<Integer> existing) throws StoreException {
        try {
            stations.saveFromMetadata(connection, read, existing);
        } catch (SQLException e) {
            throw fault("writing station metadata", e);
        }
    }

    /** Inserts the stations a data file names that are not stored yet (the set grows). */
    public void ensureExist(Collection<Station> named, Set<Integer> existing) throws StoreException {
        try {
            stations.ensureExist(connection, named, existing);
        } catch (SQLException e) {
            throw fault("writing stations", e);
        }
    }

    public void saveEdges(Collection<StationEdge> edges) throws StoreException {
        try {
            stations.saveEdges(connection, edges);
        } catch (SQLException e) {
            throw fault("writing station distances", e);
        }
    }

    /** Merges a file's day blocks into the stored ones and saves those no later file can change (see {@link BlockMerge}). */
    public DayBlocks.MergeCounts merge(Collection<DayBlock> incoming) throws StoreException {
        try {
            DayBlocks.MergeCounts counts = blocks.merge(connection, incoming);
            blocks.flushSettled(connection);
            return counts;
        } catch (SQLException e) {
            throw fault("writing readings", e);
        }
    }

    /** Records that a file's content was loaded. */
    public void record(IngestedFile file) throws StoreException {
        try {
            log.record(connection, file);
        } catch (SQLException e) {
            throw fault("recording the file " + file.path(), e);
        }
    }

    /** Saves every block still held and commits. */
    public void commit() throws StoreException {
        try {
            blocks.flush(connection);
            connection.commit();
        } catch (SQLException e) {
            throw fault("committing the ingest", e);
        }
    }

    /** Discards what the transaction wrote. */
    public void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // closing the connection discards the transaction all the same
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing is left to keep: committed, or rolled back
        }
    }

    private static StoreException fault(String doing, SQLException e) {
        return new StoreException(doing + " failed: " + DatabaseFaults.describe(e), e);
    }
}
