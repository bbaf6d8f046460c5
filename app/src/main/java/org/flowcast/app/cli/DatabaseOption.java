package org.flowcast.app.cli;

import org.flowcast.core.FlowcastHome;
import org.flowcast.ingest.store.DatabaseOpening;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.StoreException;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by every command that uses the database. */
public final class DatabaseOption {
    @Option(names = "--db", paramLabel = "PATH|URL", converter = DatabaseLocation.class,
            description = "The database: an H2 file path or a jdbc: URL (PostgreSQL works too). "
                    + "Default: $FLOWCAST_DB, else flowcast in $FLOWCAST_HOME (default $HOME/.flowcast).")
    String location;

    /** The location in force: the option, else the environment variable, else the default file. */
    public String location() {
        if (location != null && !location.isBlank()) {
            return location;
        }
        String fromEnvironment = System.getenv(FlowcastDatabase.ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return FlowcastDatabase.defaultPath().toString();
    }

    /** Where evaluation runs are looked for: {@code runs} beside an H2 file, else {@code ~/.flowcast/runs}. */
    public java.nio.file.Path runsFolder() {
        String location = location();
        if (location.startsWith("jdbc:")) {
            return FlowcastHome.path().resolve("runs");
        }
        java.nio.file.Path parent = java.nio.file.Path.of(location).toAbsolutePath().getParent();
        return parent == null ? java.nio.file.Path.of("runs") : parent.resolve("runs");
    }

    /** A database path is a path: a ';' in it would be read by H2 as settings, which belong in a jdbc: URL. */
    static final class DatabaseLocation implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.startsWith("jdbc:") && value.indexOf(';') >= 0) {
                throw new picocli.CommandLine.TypeConversionException("a database path may not hold ';', which H2 would read "
                        + "as its settings; use a folder without ';', or give settings in a jdbc:h2: URL; was '" + value + "'");
            }
            return value;
        }
    }

    /** Starts opening the database on a thread of its own (see {@link DatabaseOpening}). */
    public DatabaseOpening openInBackground() {
        try {
            return DatabaseOpening.start(location());
        } catch (StoreException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    public FlowcastDatabase open() {
        try {
            return FlowcastDatabase.open(location());
        } catch (StoreException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }
}
