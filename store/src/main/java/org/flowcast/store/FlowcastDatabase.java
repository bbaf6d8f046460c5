package org.flowcast.store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Stream;
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

    /** How every H2 2.x database file (MVStore) begins. */
    private static final byte[] H2_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);

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
            if (location.isBlank()) {
                throw new StoreException("the database location is empty; give --db a file path or a jdbc: URL", null);
            }
            if (location.startsWith("jdbc:h2:mem:")) {
                throw new StoreException("an in-memory database (" + location.replaceFirst(";.*", "") + ") ends with the command that "
                        + "opens it, so nothing would be kept; give a file path or a jdbc:h2:file: URL", null);
            }
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
            // TRACE_LEVEL_FILE=0: no .trace.db beside it; where H2 could not write one (a read-only folder) it printed
            // its stack trace on stderr. Flowcast reports the faults itself.
            return new Location("jdbc:h2:file:" + path + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;TRACE_LEVEL_FILE=0;CACHE_SIZE=" + CACHE_KB,
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
            requireDatabaseFile(location, where.file());
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

    /**
     * Opens a database that exists already, as {@link #open(String)} does: for the commands that read it, or change
     * what it holds, an embedded database whose file is missing is refused rather than made, empty, at a mistyped
     * path. A server's database (PostgreSQL, H2 over tcp:) exists by definition; the server says if it does not.
     */
    public static FlowcastDatabase openExisting(String location) throws StoreException {
        Location where = Location.of(location);
        Path file = where.file() != null ? where.file() : embeddedFile(location);
        if (file != null && !Files.exists(file)) {
            throw new StoreException(missing(location, file), null);
        }
        return open(location);
    }

    /** The {@code .mv.db} file of an embedded H2 URL ({@code jdbc:h2:file:PATH}, {@code jdbc:h2:PATH}); null for any other. */
    static Path embeddedFile(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return null;
        }
        String path = url.substring("jdbc:h2:".length()).replaceFirst(";.*", "");
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        } else if (path.matches("[A-Za-z]{2,}:.*")) {
            // tcp:, ssl:, zip:, nio...: not one plain file
            return null;
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path + ".mv.db").toAbsolutePath().normalize();
    }

    private static String missing(String location, Path file) {
        String text = "there is no Flowcast database at " + redact(location) + " (no file " + file + "); give --db an existing "
                + "database, or load data into a new one with 'flowcast ingest --db " + redact(location) + " FILES'";
        Path given = Path.of(location.startsWith("jdbc:") ? "" : location);
        if (!location.startsWith("jdbc:") && Files.isDirectory(given)) {
            try (Stream<Path> inside = Files.list(given)) {
                Optional<String> database = inside.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mv.db")).sorted()
                        .findFirst();
                text += "; " + location + " is a folder" + database.map(n -> ": a database in it is "
                        + given.resolve(n.substring(0, n.length() - ".mv.db".length()))).orElse(" without a database in it");
            } catch (IOException e) {
                text += "; " + location + " is a folder";
            }
        }
        return text;
    }

    /**
     * Refuses, naming it, a path that cannot be an embedded database: a file that is not one ({@code notes.txt}, whose
     * database would be {@code notes.txt.mv.db}), a folder where the {@code .mv.db} file belongs, or a {@code .mv.db}
     * file that is not H2's (H2 said only "IO Exception" of these).
     */
    private static void requireDatabaseFile(String location, Path file) throws StoreException {
        String fix = "; give --db the path of a Flowcast database (NAME for its file NAME.mv.db), or a new path for a new one";
        Path given = Path.of(location);
        if (!location.endsWith(".mv.db") && Files.isRegularFile(given)) {
            throw new StoreException(location + " is a file, not a Flowcast database" + fix, null);
        }
        if (Files.isDirectory(file)) {
            throw new StoreException(file + " is a folder, not a database file" + fix, null);
        }
        if (Files.isRegularFile(file)) {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(H2_HEADER.length);
            } catch (IOException e) {
                throw new StoreException("cannot read the database file " + file + ": " + e.getMessage(), e);
            }
            if (head.length > 0 && !Arrays.equals(head, H2_HEADER)) {
                throw new StoreException(file + " is not an H2 database (it holds other data: a text file, or one damaged "
                        + "from its start)" + fix, null);
            }
        }
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
        Path file = embeddedFile(url);
        if (file == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.size(file));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether the database can only be read: opened with {@code ACCESS_MODE_DATA=r}, or its file cannot be written. */
    public boolean isReadOnly() throws StoreException {
        try {
            return keeper.isReadOnly();
        } catch (SQLException e) {
            throw new StoreException("asking the database whether it is read-only failed: " + DatabaseFaults.describe(e), e);
        }
    }

    /**
     * Whether a compaction of this embedded database was started and never finished (a process killed during it left
     * the file at its full size, and the ingests after it load too little to compact it): the next ingest compacts.
     */
    public boolean compactionDue() {
        Path marker = compactionMarker();
        return marker != null && Files.exists(marker);
    }

    /** The file beside an embedded database that stands for a compaction begun and not finished; null for a server's. */
    private Path compactionMarker() {
        Path file = embeddedFile(url);
        return file == null ? null : file.resolveSibling(file.getFileName().toString().replaceFirst("\\.mv\\.db$", "")
                + ".compaction-due");
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
        Path marker = compactionMarker();
        if (marker != null) {
            // written first, so that a compaction cut short is done again by the next ingest; a folder that takes no
            // marker takes no compacted copy either (H2 then kept the file as it was and said nothing)
            try {
                Files.writeString(marker, "a compaction of this database began and has not finished; the next "
                        + "'flowcast ingest' does it\n");
            } catch (IOException e) {
                close();
                throw new StoreException("the database was not compacted: its folder " + marker.getParent() + " cannot be written "
                        + "(" + String.valueOf(e.getMessage()).replace(marker + ": ", "") + "; read-only, or full); the data is "
                        + "kept, in a file larger than it needs; make the folder writable to compact it at the next large ingest", e);
            }
        }
        if (isEmbedded()) {
            try (Statement shutdown = keeper.createStatement()) {
                shutdown.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                throw new StoreException("compacting the database failed: " + DatabaseFaults.describe(e), e);
            }
        }
        close();
        if (marker != null) {
            try {
                Files.deleteIfExists(marker);
            } catch (IOException e) {
                // compacted; the next ingest compacts once more, which is quick on a compact file
            }
        }
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
