package org.flowcast.jobs.export;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.flowcast.jobs.JobException;

/**
 * What {@code flowcast export} writes and where: every forecast of one run ({@link Table#RUN}), each live run's newest
 * forecasts, of every corridor or one ({@link Table#LATEST}), or the realised accuracy of live forecasts, of every
 * corridor or one, of targets from a time on ({@link Table#ACCURACY}); in a format, to a file, or (CSV and JSON) to
 * standard output where {@code out} is empty.
 */
public record ExportRequest(ExportFormat format, Table table, OptionalLong runId, Optional<String> corridor, Optional<Instant> since,
                            Optional<Path> out) {
    /** The tables an export writes. */
    public enum Table { RUN, LATEST, ACCURACY }

    /**
     * A request from a command line's choices, checked before any data is read: contradictions are usage failures that
     * name the fix. The format is the one given, else the one {@code out}'s name ends in, else CSV.
     */
    public static ExportRequest of(Optional<ExportFormat> format, OptionalLong runId, Optional<String> corridor, boolean accuracy,
                                   Optional<Instant> since, Optional<Path> out) throws JobException {
        if (runId.isPresent() && corridor.isPresent() && !accuracy) {
            throw JobException.usage("give --run ID or --corridor NAME, not both: --run exports one run's forecasts, --corridor "
                    + "the newest forecasts of a corridor's live runs");
        }
        if (runId.isPresent() && accuracy) {
            throw JobException.usage("--accuracy exports the realised accuracy of live runs, not a run: drop --run (choose "
                    + "the rows with --corridor and --since)");
        }
        if (since.isPresent() && !accuracy) {
            throw JobException.usage("--since chooses realised-accuracy rows: add --accuracy, or drop --since");
        }
        ExportFormat chosen = format.or(() -> out.flatMap(ExportFormat::ofFileName)).orElse(ExportFormat.CSV);
        if (!chosen.textual() && out.isEmpty()) {
            throw JobException.usage("Parquet is binary and goes to a file: give --out FILE.parquet (csv and json may go to "
                    + "standard output)");
        }
        Table table = accuracy ? Table.ACCURACY : runId.isPresent() ? Table.RUN : Table.LATEST;
        return new ExportRequest(chosen, table, runId, corridor, since, out);
    }
}
