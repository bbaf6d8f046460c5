package org.flowcast.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowcast.core.PemsTime;
import org.flowcast.jobs.ForecastRunService;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.DurationConverter;
import org.flowcast.jobs.cli.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowcast runs}: the stored forecast runs, their retention and deletion. */
@Command(name = "runs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the stored forecast runs by corridor: id, model, whether it is the corridor's live run ('flowcast "
                + "watch'), its stations and steps, the origins it holds and their range, and when it was made (Pacific time).",
            "--prune applies live retention now, as the watcher does: live runs' origins older than --keep-origins and "
                + "realised-accuracy rows older than --keep-scores, counted back from the newest stored reading of the live "
                + "corridors. --delete removes runs with everything of them (origin rows, attention, intervals, scores, newest "
                + "forecasts, the live row) in one transaction. On PostgreSQL, stop a watcher before deleting its live run."},
        footer = {"", "Examples:", "  flowcast runs", "  flowcast runs --prune --keep-origins 7d", "  flowcast runs --delete 3,4"})
public final class RunsCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(names = "--prune", description = "Apply live retention now (--keep-origins, --keep-scores).")
    boolean prune;

    @Option(names = "--keep-origins", converter = DurationConverter.class, defaultValue = "14d", paramLabel = "DURATION",
            description = "How long a live run keeps its forecasts (default: ${DEFAULT-VALUE}).")
    Duration keepOrigins;

    @Option(names = "--keep-scores", converter = DurationConverter.class, defaultValue = "365d", paramLabel = "DURATION",
            description = "How long realised-accuracy rows are kept (default: ${DEFAULT-VALUE}).")
    Duration keepScores;

    @Option(names = "--delete", split = ",", paramLabel = "ID", description = "Delete these runs and everything of them.")
    List<Long> delete;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        if (prune) {
            ForecastRunService.checkRetention(keepOrigins, keepScores);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace workspace = database.open()) {
            if (delete != null && !delete.isEmpty()) {
                for (ForecastRunService.Deletion d : ForecastRunService.delete(workspace, delete)) {
                    String what = d.run().model() + (d.run().corridor().isEmpty() ? "" : ", " + d.run().corridor())
                            + (d.run().live() ? ", live" : "");
                    out.printf(Locale.ROOT, "Deleted run %d (%s): %,d forecast rows, %,d scores, %,d other rows.%n", d.run().id(), what,
                            d.forecastRows(), d.scoreRows(), d.otherRows());
                }
            }
            if (prune) {
                ForecastRunService.Retention r = ForecastRunService.prune(workspace, keepOrigins, keepScores);
                out.println(r.newestData().isEmpty() ? "Nothing to prune: no live run has stored readings."
                        : String.format(Locale.ROOT, "Pruned %,d live origins older than %s and %,d scores older than %s (newest "
                                + "reading %s).", r.origins(), days(keepOrigins), r.scores(), days(keepScores),
                                PemsTime.format(r.newestData().get())));
            }
            list(out, ForecastRunService.list(workspace), workspace.name());
        }
        return 0;
    }

    private static void list(PrintWriter out, List<ForecastRunService.Entry> runs, String where) {
        if (runs.isEmpty()) {
            out.println("No forecast runs in " + where + ": 'flowcast forecast' and 'flowcast watch' write them.");
            return;
        }
        Map<String, List<List<String>>> byCorridor = new LinkedHashMap<>();
        for (ForecastRunService.Entry r : runs) {
            byCorridor.computeIfAbsent(r.corridor().isEmpty() ? "(no corridor)" : r.corridor(), c -> new ArrayList<>()).add(List.of(
                    String.valueOf(r.id()), r.model(), r.live() ? "live" : "-", String.valueOf(r.stations()), String.valueOf(r.horizon()),
                    String.format(Locale.ROOT, "%,d", r.origins()), r.firstOrigin().map(PemsTime::format).orElse("-"),
                    r.lastOrigin().map(PemsTime::format).orElse("-"), PemsTime.format(r.createdAt())));
        }
        byCorridor.forEach((corridor, rows) -> {
            out.println(corridor + ":");
            out.println(Tables.render(List.of("id", "model", "live", "stations", "steps", "origins", "first origin", "last origin",
                    "created"), rows));
        });
    }

    private static String days(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + " hours";
    }
}
