package org.flowcast.app.cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.flowcast.core.Corridor;
import org.flowcast.core.PemsTime;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowcast corridors}: the corridors of the database with their stations, postmile span, coverage and data range. */
@Command(name = "corridors", mixinStandardHelpOptions = true,
        description = {"Lists the corridors: every freeway and direction whose mainline stations have data (from the PeMS station "
                + "metadata, in absolute-postmile order), and those of a corridor file. 'train', 'evaluate' and 'forecast' take "
                + "--corridor NAME or --corridor all to work corridor by corridor."},
        footer = {"", "A corridor file (--corridors FILE, or corridors.txt in $FLOWCAST_HOME) holds one corridor per line:",
            "  airport-route: 1205330, 1205331, 1209876     # stations in driving order, across freeways",
            "  south-county: 5-S 10.5-31.0                  # a freeway's mainline stations between two absolute postmiles"})
public final class CorridorsCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(names = "--corridors", paramLabel = "FILE", description = "A corridor file (default: corridors.txt "
            + "in $FLOWCAST_HOME where it exists).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        CorridorCatalog catalog;
        try (Workspace workspace = database.open()) {
            catalog = CorridorCatalog.of(workspace, Optional.ofNullable(file));
        }
        catalog.warnings().forEach(w -> spec.commandLine().getErr().println("flowcast corridors: warning: " + w));
        List<CorridorCatalog.Entry> entries = catalog.entries();
        if (entries.isEmpty()) {
            spec.commandLine().getOut().println("No corridor in " + database.location() + ": no mainline station with freeway and "
                    + "direction metadata has data. Ingest the district's dNN_text_meta file with the data, or define corridors in "
                    + "a corridor file (--corridors FILE).");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (CorridorCatalog.Entry e : entries) {
            rows.add(List.of(e.name(), e.road(), String.valueOf(e.corridor().stationIds().size()),
                    Double.isNaN(e.fromPostmile()) ? "" : String.format(Locale.ROOT, "%.3f - %.3f", e.fromPostmile(), e.toPostmile()),
                    String.format(Locale.ROOT, "%.1f%%", 100 * e.coverage()),
                    e.first().map(PemsTime::format).orElse(""), e.last().map(PemsTime::format).orElse(""),
                    e.corridor().source() == Corridor.Source.FILE ? "file" : "metadata"));
        }
        spec.commandLine().getOut().println(Tables.render(List.of("corridor", "fwy-dir", "stations", "abs pm", "coverage", "first",
                "last", "from"), rows));
        spec.commandLine().getOut().printf(Locale.ROOT, "%d corridors, %d stations%n", entries.size(),
                entries.stream().mapToInt(e -> e.corridor().stationIds().size()).sum());
        return 0;
    }
}
