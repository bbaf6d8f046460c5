package org.flowcast.store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

/** Reads and writes {@link DayBlock}s in the {@code observation_day} table. */
final class ObservationStore {
    private static final String COLUMNS = StoredDay.COLUMNS;

    /** Stations asked for in one statement at most; a district file names about 2,600. */
    private static final int STATIONS_PER_QUERY = 500;

    /**
     * The stored blocks of the given stations from day {@code fromDay} to {@code toDay}, both included: one
     * statement per {@value #STATIONS_PER_QUERY} stations (an {@code IN} list on the key's first column), not one
     * per station, which cost a daily file of 81 stations 81 round trips through H2. The ids are written into the
     * statement as literals: H2 then checks each row against a hash set of them, where with one parameter per id
     * it compared each row with every id in turn (a watcher's 600 stations: most of its time in the check).
     */
    public Map<StationDay, DayBlock> load(Connection c, Collection<Integer> stationIds, int fromDay, int toDay) throws SQLException {
        Map<StationDay, DayBlock> blocks = new HashMap<>();
        List<Integer> ids = List.copyOf(stationIds);
        for (int from = 0; from < ids.size(); from += STATIONS_PER_QUERY) {
            StringJoiner list = new StringJoiner(", ", "(", ")");
            for (int station : ids.subList(from, Math.min(ids.size(), from + STATIONS_PER_QUERY))) {
                list.add(Integer.toString(station));
            }
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM observation_day WHERE station_id IN "
                    + list + " AND utc_day BETWEEN ? AND ?")) {
                select.setInt(1, fromDay);
                select.setInt(2, toDay);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        DayBlock block = read(rs);
                        blocks.put(StationDay.of(block), block);
                    }
                }
            }
        }
        return blocks;
    }

    /** Every stored block of one station, in day order; for summaries. */
    void forEachBlock(Connection c, Consumer<DayBlock> visitor) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM observation_day ORDER BY station_id, utc_day");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                visitor.accept(read(rs));
            }
        }
    }

    /** Inserts the blocks whose keys are not in {@code stored} and replaces the others. */
    public void save(Connection c, Collection<DayBlock> blocks, Set<StationDay> stored) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO observation_day (flow, occupancy, speed, "
                + "pct_observed, flags, station_id, utc_day) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE observation_day SET flow = ?, occupancy = ?, speed = ?, "
                     + "pct_observed = ?, flags = ? WHERE station_id = ? AND utc_day = ?")) {
            for (DayBlock block : blocks) {
                PreparedStatement statement = stored.contains(StationDay.of(block)) ? update : insert;
                statement.setBytes(1, PackedArrays.floats(block.flow));
                statement.setBytes(2, PackedArrays.floats(block.occupancy));
                statement.setBytes(3, PackedArrays.floats(block.speed));
                statement.setBytes(4, PackedArrays.percents(block.percentObserved));
                statement.setBytes(5, PackedArrays.shorts(block.flags));
                statement.setInt(6, block.stationId);
                statement.setInt(7, block.utcDay);
                statement.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    static DayBlock read(ResultSet rs) throws SQLException {
        return decode(rs.getInt(1), rs.getInt(2), rs.getBytes(3), rs.getBytes(4), rs.getBytes(5), rs.getBytes(6), rs.getBytes(7));
    }

    /** One {@code observation_day} row as a block, from its columns' values: the decoding every reader of the table shares. */
    static DayBlock decode(int stationId, int utcDay, byte[] flow, byte[] occupancy, byte[] speed, byte[] percentObserved,
                                  byte[] flags) {
        DayBlock block = new DayBlock(stationId, utcDay);
        PackedArrays.readFloats(flow, block.flow);
        PackedArrays.readFloats(occupancy, block.occupancy);
        PackedArrays.readFloats(speed, block.speed);
        PackedArrays.readPercents(percentObserved, block.percentObserved);
        PackedArrays.readShorts(flags, block.flags);
        return block;
    }

    /** The number of stored blocks; for tests and summaries. */
    /** The stations that have at least one stored day. */
    public Set<Integer> stationsWithData(Connection c) throws SQLException {
        Set<Integer> ids = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT station_id FROM observation_day");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    /** Whether no block is stored at all (a new database). */
    public boolean isEmpty(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM observation_day FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = select.executeQuery()) {
            return !rs.next();
        }
    }

    public long count(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM observation_day");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first and last stored UTC day of the given stations, or null where none is stored. */
    public int[] dayRange(Connection c, List<Integer> stationIds) throws SQLException {
        int[] range = null;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT MIN(utc_day), MAX(utc_day) FROM observation_day WHERE station_id = ?")) {
            for (int id : stationIds) {
                select.setInt(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next() && rs.getObject(1) != null) {
                        int lo = rs.getInt(1);
                        int hi = rs.getInt(2);
                        range = range == null ? new int[] {lo, hi} : new int[] {Math.min(range[0], lo), Math.max(range[1], hi)};
                    }
                }
            }
        }
        return range;
    }
}
