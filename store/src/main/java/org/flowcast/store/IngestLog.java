package org.flowcast.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code ingest_file} table: which file contents have been loaded, so that loading one again is a no-op. */
final class IngestLog {

    public Optional<IngestedFile> findByContent(Connection c, String sha256, long sizeBytes) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT path, format, size_bytes, sha256, rows_loaded, "
                + "rows_duplicate, rows_rejected, rows_flagged, loaded_at FROM ingest_file WHERE sha256 = ? AND size_bytes = ?")) {
            select.setString(1, sha256);
            select.setLong(2, sizeBytes);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public void record(Connection c, IngestedFile entry) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ingest_file (path, format, size_bytes, sha256, "
                + "rows_loaded, rows_duplicate, rows_rejected, rows_flagged, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, entry.path());
            insert.setString(2, entry.format());
            insert.setLong(3, entry.sizeBytes());
            insert.setString(4, entry.sha256());
            insert.setLong(5, entry.rowsLoaded());
            insert.setLong(6, entry.rowsDuplicate());
            insert.setLong(7, entry.rowsRejected());
            insert.setLong(8, entry.rowsFlagged());
            insert.setObject(9, OffsetDateTime.ofInstant(entry.loadedAt(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    public List<IngestedFile> all(Connection c) throws SQLException {
        List<IngestedFile> entries = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT path, format, size_bytes, sha256, rows_loaded, "
                + "rows_duplicate, rows_rejected, rows_flagged, loaded_at FROM ingest_file ORDER BY id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                entries.add(read(rs));
            }
        }
        return entries;
    }

    private static IngestedFile read(ResultSet rs) throws SQLException {
        return new IngestedFile(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4).trim(), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getObject(9, OffsetDateTime.class).toInstant());
    }
}
