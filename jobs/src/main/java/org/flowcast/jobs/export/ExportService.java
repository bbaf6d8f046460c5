package org.flowcast.jobs.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcast.core.FlowcastVersion;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastRows;
import org.flowcast.store.StoreException;

/**
 * Writes forecasts or realised accuracy for other systems ({@code flowcast export}): rows go from the store to the file
 * one at a time as they are read, so a district's run of millions of rows is never held whole. A file is written beside
 * its destination and moved onto it once complete, so a failed export leaves no partial file (and an earlier file stays).
 */
public final class ExportService {
    /** What an export wrote: how many rows, of what, and the file (empty: standard output). */
    public record Outcome(long rows, String description, Optional<Path> file) {
    }

    private ExportService() {
    }

    /**
     * Exports what the request asks for, to its file or else to {@code console}; fails, writing nothing, where the run or
     * the live corridor asked for does not exist.
     */
    public static Outcome export(Workspace workspace, ExportRequest request, Writer console) throws JobException {
        FlowcastDatabase database = workspace.database();
        String description = ExportSources.describe(database, request);
        try {
            if (request.out().isEmpty()) {
                Writer text = new BufferedWriter(console, 1 << 16);
                try (TableWriter writer = textWriter(request, text)) {
                    return new Outcome(copy(database, request, writer), description, Optional.empty());
                }
            }
            Path out = request.out().get().toAbsolutePath();
            return new Outcome(toFile(database, request, description, out), description, Optional.of(out));
        } catch (IOException e) {
            throw new JobException("writing " + request.out().map(Path::toString).orElse("to standard output") + " failed: "
                    + e.getMessage(), e);
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    private static long toFile(FlowcastDatabase database, ExportRequest request, String description, Path out)
            throws IOException, StoreException {
        Files.createDirectories(out.getParent());
        Path part = out.resolveSibling("." + out.getFileName() + ".part");
        try {
            long rows;
            if (request.format().textual()) {
                try (Writer text = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
                     TableWriter writer = textWriter(request, text)) {
                    rows = copy(database, request, writer);
                }
            } else {
                Map<String, String> metadata = Map.of("flowcast.table", description, "flowcast.version", FlowcastVersion.current());
                try (TableWriter writer = new ParquetTableWriter(part, tableName(request), columns(request), metadata)) {
                    rows = copy(database, request, writer);
                }
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static TableWriter textWriter(ExportRequest request, Writer out) throws IOException {
        return request.format() == ExportFormat.JSON ? new JsonTableWriter(out, columns(request))
                : new CsvTableWriter(out, columns(request));
    }

    private static List<ExportColumn> columns(ExportRequest request) {
        return request.table() == ExportRequest.Table.ACCURACY ? AccuracyTable.COLUMNS : ForecastTable.COLUMNS;
    }

    private static String tableName(ExportRequest request) {
        return request.table() == ExportRequest.Table.ACCURACY ? AccuracyTable.NAME : ForecastTable.NAME;
    }

    /** Streams the request's rows from the store into the writer and completes the table; returns the rows written. */
    private static long copy(FlowcastDatabase database, ExportRequest request, TableWriter writer) throws IOException, StoreException {
        ForecastRows rows = new ForecastRows(database);
        String corridor = request.corridor().orElse(null);
        long count = switch (request.table()) {
            case RUN -> rows.run(request.runId().orElseThrow(), row -> writer.row(ForecastTable.values(row)));
            case LATEST -> rows.latest(corridor, row -> writer.row(ForecastTable.values(row)));
            case ACCURACY -> rows.accuracy(corridor, request.since().orElse(null), row -> writer.row(AccuracyTable.values(row)));
        };
        writer.finish();
        return count;
    }
}
