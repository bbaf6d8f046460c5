package org.flowcast.app.cli;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.flowcast.core.Corridor;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.CorridorJobs;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.SeriesRequest;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.Tables;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that make a command work corridor by corridor: {@code --corridor NAME|all} and {@code --corridors FILE}. */
public final class CorridorOptions {
    @Option(names = "--corridor", split = ",", paramLabel = "NAME", description = "Work corridor by corridor: one model (or run) "
            + "per corridor, e.g. 5-N, or 'all' for every corridor ('flowcast corridors' lists them). Repeatable.")
    List<String> names;

    @Option(names = "--corridors", paramLabel = "FILE", description = "A corridor file: lines 'NAME: ID, ID, ...' or "
            + "'NAME: FWY-DIR [FROM-TO]' (default: corridors.txt in $FLOWCAST_HOME where it exists).")
    Path file;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Whether the command was asked to work by corridor. */
    public boolean chosen() {
        return names != null && !names.isEmpty();
    }

    /** Refuses, as a usage error, corridors given together with another choice of stations. */
    public void validate(SeriesRequest selection) {
        if (chosen() && selection.namesStations()) {
            throw new ParameterException(command.commandLine(), "give --corridor, or --stations / --freeway, not both");
        }
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The corridors named, read from the database (and corridor file); an unknown name fails with the names there are.
     * What the catalog warns of (a station that forms no corridor, a doubtful corridor file line) is said on stderr.
     */
    public List<Corridor> resolve(Workspace workspace) throws JobException {
        CorridorCatalog catalog = CorridorCatalog.withoutCoverage(workspace, file());
        catalog.warnings().forEach(w -> command.commandLine().getErr().println(command.qualifiedName() + ": warning: " + w));
        return catalog.choose(names);
    }

    /**
     * Runs the job for each corridor, one at a time, saying on stderr which corridor starts and how it ended,
     * then prints the table of how each ended; returns the exit code: 1 where any failed.
     *
     * @param did  what a corridor that succeeded was ("trained")
     * @param what the work, as the table's column names it ("training")
     */
    int runEach(List<Corridor> chosen, String did, String what, CorridorJobs.Job job) {
        PrintWriter err = command.commandLine().getErr();
        int[] done = {0};
        List<CorridorJobs.Result> results = CorridorJobs.run(chosen, job,
                corridor -> err.printf(Locale.ROOT, "Corridor %d of %d: %s (%d stations)%n", ++done[0], chosen.size(), corridor.name(),
                        corridor.stationIds().size()),
                r -> err.printf(Locale.ROOT, "  %s %s in %.1f s%s%n", r.corridor().name(), r.succeeded() ? did : "FAILED", r.seconds(),
                        r.succeeded() ? "" : ": " + r.account()));
        return summarise(command.commandLine().getOut(), what, results);
    }

    /** Prints the table of how each corridor ended; returns the exit code: 1 where any failed. */
    private static int summarise(PrintWriter out, String what, List<CorridorJobs.Result> results) {
        List<List<String>> rows = new ArrayList<>();
        for (CorridorJobs.Result r : results) {
            rows.add(List.of(r.corridor().name(), String.valueOf(r.corridor().stationIds().size()), r.succeeded() ? "done" : "FAILED",
                    String.format(Locale.ROOT, "%.1f", r.seconds()), r.account()));
        }
        out.println(Tables.render(List.of("corridor", "stations", what, "seconds", "result"), rows));
        long failed = results.stream().filter(r -> !r.succeeded()).count();
        out.printf(Locale.ROOT, "%d of %d corridors done%s%n", results.size() - failed, results.size(),
                failed == 0 ? "." : "; " + failed + " failed (see above); the others' results are kept.");
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
