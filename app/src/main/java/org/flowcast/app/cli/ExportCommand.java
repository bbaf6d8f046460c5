package org.flowcast.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.TimeConverter;
import org.flowcast.jobs.export.ExportFormat;
import org.flowcast.jobs.export.ExportRequest;
import org.flowcast.jobs.export.ExportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowcast export}: forecasts and realised accuracy as files other systems read. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes forecasts or realised accuracy for other systems, one row per station, origin, target time and step "
                + "(flow, 80%% and 95%% bounds, model, corridor, run), or per live origin and step (MAE, RMSE, MAPE, interval "
                + "coverage): every forecast of a stored run (--run), the newest forecasts of every live corridor or of one "
                + "(the default, --corridor: the forecast_values view), or the realised accuracy of live forecasts (--accuracy: "
                + "the forecast_accuracy view). Times are ISO-8601 UTC instants (origin_ts, target_ts) with the Pacific "
                + "wall-clock time beside each (origin_pacific, target_pacific), as PeMS writes times.",
            "Rows are written as they are read, so a district's run of millions of rows fits in a small heap. CSV and JSON go "
                + "to standard output unless --out is given; Parquet (gzip pages) needs --out. A file is written beside its "
                + "destination and moved onto it once complete."},
        footer = {"", "Examples:", "  flowcast export --corridor 5-N > 5-N.csv",
            "  flowcast export --run 3 --format parquet --out run3.parquet",
            "  flowcast export --accuracy --since 2023-04-10 --out accuracy.json"})
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(names = "--format", paramLabel = "csv|json|parquet",
            description = "The file format (default: the one --out's name ends in, else csv).")
    ExportFormat format;

    @Option(names = "--run", paramLabel = "ID", description = "Every forecast of this stored run ('flowcast runs' lists them).")
    Long runId;

    @Option(names = "--corridor", paramLabel = "NAME",
            description = "The newest forecasts of this corridor's live runs; with --accuracy, only this corridor's accuracy.")
    String corridor;

    @Option(names = "--accuracy", description = "The realised accuracy of live forecasts (the forecast_accuracy view's rows).")
    boolean accuracy;

    @Option(names = "--since", converter = TimeConverter.class, paramLabel = "TIME",
            description = "With --accuracy: only targets from this time on (Pacific, or with an offset or Z).")
    Instant since;

    @Option(names = "--out", paramLabel = "FILE", description = "The file to write (default: standard output; Parquet needs a file).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        ExportRequest request = ExportRequest.of(Optional.ofNullable(format), runId == null ? OptionalLong.empty() : OptionalLong.of(runId),
                Optional.ofNullable(corridor), accuracy, Optional.ofNullable(since), Optional.ofNullable(out));
        PrintWriter console = spec.commandLine().getOut();
        ExportService.Outcome outcome;
        try (Workspace workspace = database.open()) {
            outcome = ExportService.export(workspace, request, console);
        }
        // rows on standard output stand alone: the summary is said only for a file
        outcome.file().ifPresent(file -> console.printf(Locale.ROOT, "Wrote %,d rows (%s) to %s as %s.%n", outcome.rows(),
                outcome.description(), file, request.format().name().toLowerCase(Locale.ROOT)));
        return 0;
    }
}
