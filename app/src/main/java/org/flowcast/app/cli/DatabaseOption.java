package org.flowcast.app.cli;

import java.nio.file.Path;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.ModelFiles;
import org.flowcast.jobs.Workspace;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --db} option shared by every command that uses the database. */
public final class DatabaseOption {
    /** Flowcast's home as the help shows it: the home in force, which {@link FlowcastCommand} puts in a system property. */
    static final String HOME = "${sys:" + FlowcastCommand.HELP_HOME + ":-$FLOWCAST_HOME}";
    /** The help's words for the default models folder of the database in force ({@link ModelFiles#folderFor}). */
    static final String MODELS_FOLDER = "the database's own models folder: " + HOME + "/models for the database in Flowcast's "
            + "home, a folder named after the database below it for another, e.g. " + HOME + "/models/tmp-orange-flowcast for "
            + "--db /tmp/orange/flowcast";

    @Option(names = "--db", paramLabel = "PATH|URL", converter = DatabaseLocation.class,
            description = "The database: an H2 file path or a jdbc: URL (PostgreSQL works too). "
                    + "Default: $FLOWCAST_DB, else flowcast in Flowcast's home, " + HOME + " ($FLOWCAST_HOME, else $HOME/.flowcast).")
    String location;

    /** The location in force: the option, else the environment variable, else the default file. */
    public String location() {
        if (location != null) {
            return location;
        }
        String fromEnvironment = System.getenv(Workspace.ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return Workspace.defaultPath().toString();
    }

    /** Where evaluation runs are looked for: {@code runs} beside an H2 file, else {@code ~/.flowcast/runs}. */
    public Path runsFolder() {
        return Workspace.runsFolder(location());
    }

    /** The models folder of the database in force ({@link ModelFiles#folderFor}): where its models go and are looked for. */
    public Path modelsFolder() {
        return ModelFiles.folderFor(location());
    }

    /**
     * A database path is a path: a ';' in it would be read by H2 as settings, which belong in a jdbc: URL. An empty one
     * is refused (it fell back, silently, to the home database), and so is an in-memory database, which would end with
     * the command.
     */
    static final class DatabaseLocation implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("needs a database: an H2 file path or a jdbc: URL; was empty (leave --db out "
                        + "for the default, " + Workspace.defaultPath() + ")");
            }
            if (value.startsWith("jdbc:h2:mem:")) {
                throw new TypeConversionException("an in-memory database ends with the command that opens it, so nothing would be "
                        + "kept; give a file path or a jdbc:h2:file: URL; was '" + value + "'");
            }
            if (!value.startsWith("jdbc:") && value.indexOf(';') >= 0) {
                throw new TypeConversionException("a database path may not hold ';', which H2 would read "
                        + "as its settings; use a folder without ';', or give settings in a jdbc:h2: URL; was '" + value + "'");
            }
            return value;
        }
    }

    /**
     * Opens the database in force, which must exist: the commands that take this option read the store (or change what it
     * holds), so a mistyped path is refused rather than made into an empty database. {@code ingest} creates one, through
     * its service; {@code demo} its own.
     */
    public Workspace open() throws JobException {
        return Workspace.openExisting(location());
    }
}
