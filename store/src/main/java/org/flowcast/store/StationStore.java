package org.flowcast.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowcast.core.Station;

/** Reads and writes the {@code station} and {@code station_edge} tables. */
final class StationStore {
    private static final String COLUMNS = "id, district, freeway, direction, lane_type, lanes, abs_pm, latitude, longitude, name";

    /**
     * Writes stations from PeMS metadata: replaces what was known of them and marks them as described by
     * metadata. {@code existing} holds the ids stored so far (on this connection) and gains those added.
     */
    public void saveFromMetadata(Connection c, Collection<Station> stations, Set<Integer> existing) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE station SET district = ?, freeway = ?, direction = ?, "
                + "lane_type = ?, lanes = ?, abs_pm = ?, latitude = ?, longitude = ?, name = ?, in_metadata = TRUE WHERE id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO station (district, freeway, direction, lane_type, lanes, "
                     + "abs_pm, latitude, longitude, name, in_metadata, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?)")) {
            for (Station s : stations) {
                PreparedStatement statement = existing.contains(s.id()) ? update : insert;
                bind(statement, s);
                statement.setInt(10, s.id());
                statement.addBatch();
            }
            update.executeBatch();
            insert.executeBatch();
        }
        stations.forEach(s -> existing.add(s.id()));
    }

    /**
     * Makes sure stations named by data files exist: a station not yet known is added with what the data file
     * says of it. {@code existing} holds the ids stored so far (on this connection) and gains those added.
     */
    public void ensureExist(Connection c, Collection<Station> stations, Set<Integer> existing) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO station (district, freeway, direction, lane_type, "
                + "lanes, abs_pm, latitude, longitude, name, in_metadata, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)")) {
            for (Station s : stations) {
                if (existing.add(s.id())) {
                    bind(insert, s);
                    insert.setInt(10, s.id());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement statement, Station s) throws SQLException {
        statement.setInt(1, s.district());
        statement.setInt(2, s.freeway());
        statement.setString(3, s.direction());
        statement.setString(4, s.laneType());
        statement.setInt(5, s.lanes());
        setDouble(statement, 6, s.absolutePostmile());
        setDouble(statement, 7, s.latitude());
        setDouble(statement, 8, s.longitude());
        statement.setString(9, s.name());
    }

    private static void setDouble(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    /** Every stored station by id, with whether a metadata file has described it and its lanes. */
    public Map<Integer, KnownStation> known(Connection c) throws SQLException {
        Map<Integer, KnownStation> known = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, in_metadata, lanes FROM station");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                known.put(rs.getInt(1), new KnownStation(rs.getBoolean(2), rs.getInt(3)));
            }
        }
        return known;
    }

    /** Every station, by id. */
    public Map<Integer, Station> all(Connection c) throws SQLException {
        Map<Integer, Station> stations = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM station");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Station s = read(rs);
                stations.put(s.id(), s);
            }
        }
        return stations;
    }

    /** The stations of one freeway and direction, in postmile order (stations without a postmile last). */
    public List<Station> corridor(Connection c, int freeway, String direction, String laneType) throws SQLException {
        List<Station> stations = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM station WHERE freeway = ? AND direction = ?"
                + (laneType == null ? "" : " AND lane_type = ?")
                + " ORDER BY CASE WHEN abs_pm IS NULL THEN 1 ELSE 0 END, abs_pm, id";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setInt(1, freeway);
            select.setString(2, direction);
            if (laneType != null) {
                select.setString(3, laneType);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    stations.add(read(rs));
                }
            }
        }
        return stations;
    }

    private static Station read(ResultSet rs) throws SQLException {
        return new Station(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                nullableDouble(rs, 7), nullableDouble(rs, 8), nullableDouble(rs, 9), rs.getString(10));
    }

    private static double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    /** Adds or replaces neighbour edges. */
    public void saveEdges(Connection c, Collection<StationEdge> edges) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM station_edge WHERE from_station = ? AND to_station = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO station_edge (from_station, to_station, cost) VALUES (?, ?, ?)")) {
            for (StationEdge e : edges) {
                delete.setInt(1, e.from());
                delete.setInt(2, e.to());
                delete.addBatch();
                insert.setInt(1, e.from());
                insert.setInt(2, e.to());
                insert.setDouble(3, e.cost());
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

}
