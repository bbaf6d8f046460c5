package org.flowcast.app.cli;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowcast.core.PemsTime;
import org.flowcast.core.Station;
import org.flowcast.ingest.quality.StationQuality;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.StationService;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowcast stations}: the stations in the database with the span and coverage of their data. */
@Command(name = "stations", mixinStandardHelpOptions = true,
        description = "Lists the stations in the database by freeway, direction and postmile, with the span of their "
                + "data (Pacific time) and its coverage.")
public final class StationsCommand implements Callable<Integer> {

    @Mixin
    DatabaseOption database;

    @Option(names = "--all", description = "Also list stations without data (e.g. the rest of a district's metadata).")
    boolean all;

    @Spec
    CommandSpec spec;

    /** Freeway and direction, or "unknown" where no metadata says them (a web export alone). */
    static String corridorText(Station station) {
        boolean freeway = station.freeway() > 0;
        boolean direction = station.direction() != null && !station.direction().isBlank();
        if (!freeway && !direction) {
            return "unknown";
        }
        return (freeway ? String.valueOf(station.freeway()) : "?") + "-" + (direction ? station.direction() : "?");
    }

    @Override
    public Integer call() throws JobException {
        try (Workspace workspace = database.open()) {
            List<StationQuality> stations = StationService.perStation(workspace);
            List<List<String>> rows = new ArrayList<>();
            for (StationQuality q : stations) {
                if (!all && q.slotsPresent() == 0) {
                    continue;
                }
                rows.add(List.of(String.valueOf(q.station().id()), corridorText(q.station()), q.station().laneType(),
                        Double.isNaN(q.station().absolutePostmile()) ? "" : String.format(Locale.ROOT, "%.3f",
                                q.station().absolutePostmile()),
                        q.station().lanes() == 0 ? "" : String.valueOf(q.station().lanes()), q.station().name(),
                        q.first().map(PemsTime::format).orElse(""), q.last().map(PemsTime::format).orElse(""),
                        q.slotsSpanned() == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * q.coverage())));
            }
            if (rows.isEmpty()) {
                spec.commandLine().getOut().println("No station has data in " + database.location()
                        + " yet; load some with 'flowcast ingest PATH'.");
                return 0;
            }
            spec.commandLine().getOut().println(Tables.render(List.of("station", "fwy-dir", "type", "abs pm", "lanes", "name",
                    "first", "last", "coverage"), rows));
            spec.commandLine().getOut().println(rows.size() + " stations");
            StationService.sparseSpans(stations).forEach(w -> spec.commandLine().getErr().println("flowcast stations: warning: " + w));
            return 0;
        }
    }
}
