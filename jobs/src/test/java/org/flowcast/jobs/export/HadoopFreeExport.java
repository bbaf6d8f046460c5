package org.flowcast.jobs.export;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.flowcast.jobs.Workspace;

/**
 * A Parquet export of one run, run by {@link ExportServiceTest} in a class loader that cannot see Hadoop's classes:
 * what {@code flowcast export --format parquet} does, with the application's class path less Hadoop. Returns the rows.
 */
public final class HadoopFreeExport implements Callable<Long> {
    private final String database;
    private final long runId;
    private final String out;

    public HadoopFreeExport(String database, Long runId, String out) {
        this.database = database;
        this.runId = runId;
        this.out = out;
    }

    @Override
    public Long call() throws Exception {
        try (Workspace workspace = Workspace.open(database)) {
            ExportRequest request = ExportRequest.of(Optional.of(ExportFormat.PARQUET), OptionalLong.of(runId), Optional.empty(), false,
                    Optional.empty(), Optional.of(Path.of(out)));
            return ExportService.export(workspace, request, new StringWriter()).rows();
        }
    }
}
