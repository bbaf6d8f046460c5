package org.flowcast.store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.Properties;
import org.flowcast.core.FlowcastHome;
import org.h2.Driver;

/**
 * The Flowcast database: an embedded H2 file by default, or any JDBC URL (PostgreSQL). Opening it
 * brings the schema up to date through the versioned migrations. The embedded database is opened
 * in-process only: it listens on no port. A new embedded database starts as a copy of the migrated
 * template shipped in the jar ({@link SchemaTemplate}).
 */
public final class FlowcastDatabase implements AutoCloseable {
    /** Environment variable naming the database when no option does. */
    public static final String ENVIRONMENT_VARIABLE = "FLOWCAST_DB";

    /**
     * H2's page cache, in KB: 64 MB rather than its default 16, which a watcher reading the newest nine days of a
     * 600-station district every 5 minutes overran (pages read and decompressed again at every step).
     */
    static final int CACHE_KB = 65_536;

    private final String url;
    private final Path rejectLog;
    // Keeps an embedded database open between the short-lived connections of the stores.
    private final Connection keeper;

    private FlowcastDatabase(String url, Path rejectLog) throws SQLException {
        this.url = url;
        this.rejectLog = rejectLog;
        this.keeper = connect(url);
    }

    /** The default location: {@code ~/.flowcast/flowcast} (an H2 file {@code flowcast.mv.db}). */
    public static Path defaultPath() {
        return FlowcastHome.path().resolve("flowcast");
    }

    /**
     * Where a location names: its JDBC URL, the reject log beside it, and for an embedded database its
     * {@code .mv.db} file (null for a server's URL).
     */
    record Location(String url, Path rejectLog, Path file) {
        static Location of(String location) throws StoreException {
            if (location.startsWith("jdbc:")) {
                return new Location(location, defaultPath().resolveSibling("rejects.log"), null);
            }
            if (location.indexOf(';') >= 0) {
                // H2 reads what follows a ';' in its URL as settings: a path is a path, settings go in a jdbc: URL
                throw new StoreException("the database path " + location + " holds ';', which H2 would read as the start "
                        + "of its settings; use a folder without ';', or give settings in a jdbc:h2: URL", null);
            }
            Path path = Path.of(location.replaceFirst("\\.mv\\.db$", "")).toAbsolutePath().normalize();
            // WRITE_DELAY=0: a committed file is on disk at once, so that a killed ingest loses no finished file.
            return new Location("jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=" + CACHE_KB,
                    path.resolveSibling(path.getFileName() + ".rejects.log"), path.resolveSibling(path.getFileName() + ".mv.db"));
        }

        /** Whether this is an embedded database whose file does not exist yet. */
        boolean isNew() {
            return file != null && !Files.exists(file);
        }
    }

    /**
     * Opens a database given as a file path (H2; the {@code .mv.db} ending may be left out) or a
     * {@code jdbc:} URL, and migrates its schema.
     */
    public static FlowcastDatabase open(String location) throws StoreException {
        Location where = Location.of(location);
        if (where.file() != null) {
            try {
                Files.createDirectories(where.file().getParent());
            } catch (IOException e) {
                throw new StoreException("cannot create the database folder " + where.file().getParent() + ": " + e.getMessage(), e);
            }
            try {
                SchemaTemplate.copyTo(where.file());
            } catch (IOException e) {
                throw new StoreException("cannot create the database " + where.file() + ": " + e.getMessage(), e);
            }
        }
        try {
            // Byte strings are the one type whose name differs between H2 and PostgreSQL.
            SchemaMigrations.bringUpToDate(where.url(), where.url().startsWith("jdbc:postgresql:") ? "BYTEA" : "VARBINARY");
            return new FlowcastDatabase(where.url(), where.rejectLog());
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + redact(location) + ": " + DatabaseFaults.describe(e), e);
        }
    }

    public static FlowcastDatabase open(Path file) throws StoreException {
        return open(file.toString());
    }

    private static String redact(String location) {
        return location.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Work on one connection that may fail with an {@link SQLException}. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Runs work on a new connection, closed afterwards; a failure says what was being done ({@code doing}). */
    <T> T read(String doing, ConnectionWork<T> work) throws StoreException {
        try (Connection c = connect()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException(doing + " failed: " + DatabaseFaults.describe(e), e);
        }
    }

    /** A new connection; the caller closes it. */
    Connection connect() throws SQLException {
        return connect(url);
    }

    /**
     * A connection to {@code url}: an H2 one straight from H2's driver, any other through {@link DriverManager},
     * whose first use looks for drivers in every jar of the class path and starts each it finds (40 ms of a
     * command's start, PostgreSQL's driver and its logging among them), and checks its caller on every call.
     */
    static Connection connect(String url) throws SQLException {
        if (url.startsWith("jdbc:h2:")) {
            return Driver.load().connect(url, new Properties());
        }
        return DriverManager.getConnection(url);
    }

    public String url() {
        return url;
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    /** The size of an embedded H2 file database's file, in bytes; empty for a server database or an in-memory one. */
    public OptionalLong fileSize() {
        if (!url.startsWith("jdbc:h2:file:")) {
            return OptionalLong.empty();
        }
        Path file = Path.of(url.substring("jdbc:h2:file:".length()).replaceFirst(";.*", "") + ".mv.db");
        try {
            return OptionalLong.of(Files.size(file));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Where rejected rows are logged: beside the database file. */
    public Path rejectLog() {
        return rejectLog;
    }

    /**
     * Closes the database; an embedded one is first rewritten with only its live pages (H2's
     * {@code SHUTDOWN COMPACT}), which a job that replaced many forecast rows leaves mostly dead: the
     * demo's file held 2.3 times its live data. Every other connection to it is closed as well.
     * Compacting a PostgreSQL database is the server's business (autovacuum); there it only closes.
     */
    public void closeCompacted() throws StoreException {
        if (isEmbedded()) {
            try (Statement shutdown = keeper.createStatement()) {
                shutdown.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                throw new StoreException("compacting the database failed: " + DatabaseFaults.describe(e), e);
            }
        }
        close();
    }

    @Override
    public void close() throws StoreException {
        try {
            keeper.close();
        } catch (SQLException e) {
            throw new StoreException("closing the database failed: " + e.getMessage(), e);
        }
    }
}
