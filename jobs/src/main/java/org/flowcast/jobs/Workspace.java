package org.flowcast.jobs;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.flowcast.core.FlowcastHome;
import org.flowcast.store.DatabaseOpening;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.StoreException;

/**
 * The database a front end works on, opened for the jobs: an H2 file path or a {@code jdbc:} URL. Front ends hold
 * it and hand it to the services; only the jobs (and the dashboard's data source) reach the store through it.
 */
public final class Workspace implements AutoCloseable {
    /** Environment variable naming the database when no option does. */
    public static final String ENVIRONMENT_VARIABLE = FlowcastDatabase.ENVIRONMENT_VARIABLE;

    private final String location;
    private final FlowcastDatabase database;

    private Workspace(String location, FlowcastDatabase database) {
        this.location = location;
        this.database = database;
    }

    /** Opens (and brings up to date) the database at a location, creating an embedded one that does not exist yet. */
    public static Workspace open(String location) throws JobException {
        try {
            return new Workspace(location, FlowcastDatabase.open(location));
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    /**
     * Opens the database at a location that must exist already: what every command that reads the store (or changes
     * what it holds) uses, so that a mistyped path is refused rather than made into an empty database. Only the
     * commands that load new data ({@code ingest}, {@code demo}) create one, through {@link #open}.
     */
    public static Workspace openExisting(String location) throws JobException {
        try {
            return new Workspace(location, FlowcastDatabase.openExisting(location));
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    /** A workspace over a database the caller opened (the demo, tests). */
    public static Workspace of(FlowcastDatabase database) {
        return new Workspace(database.url(), database);
    }

    /** The default database file: {@code flowcast} in Flowcast's home. */
    public static Path defaultPath() {
        return FlowcastDatabase.defaultPath();
    }

    /** Starts opening a database on a thread of its own, so that files can be read meanwhile (the ingest). */
    static DatabaseOpening openInBackground(String location) throws JobException {
        try {
            return DatabaseOpening.start(location);
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    /** The location as given (a path or a URL). */
    public String location() {
        return location;
    }

    /** The database's JDBC URL without its settings, to name it to a user. */
    public String name() {
        return database.url().replaceFirst(";.*", "");
    }

    public boolean isEmbedded() {
        return database.isEmbedded();
    }

    /** The size of an embedded database's file; empty for a server's. */
    public OptionalLong fileSize() {
        return database.fileSize();
    }

    /** Where evaluation runs are looked for: {@code runs} beside an H2 file, else {@code runs} in Flowcast's home. */
    public Path runsFolder() {
        return runsFolder(location);
    }

    /** {@link #runsFolder()} of a location, without opening it. */
    public static Path runsFolder(String location) {
        if (location.startsWith("jdbc:")) {
            return FlowcastHome.path().resolve("runs");
        }
        Path parent = Path.of(location).toAbsolutePath().getParent();
        return parent == null ? Path.of("runs") : parent.resolve("runs");
    }

    /** The store, for the jobs and the dashboard's data source; commands never use it. */
    public FlowcastDatabase database() {
        return database;
    }

    /** Closes the database; an embedded one is first compacted (see {@link FlowcastDatabase#closeCompacted()}). */
    public void closeCompacted() throws JobException {
        try {
            database.closeCompacted();
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws JobException {
        try {
            database.close();
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }
}
