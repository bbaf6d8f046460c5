package org.flowcast.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.store.DatabaseOpening;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.StoreException;

/**
 * Loads PeMS files into a database ({@code flowcast ingest}): the files are read while the database opens, each
 * is committed whole or not at all, and a load of a million rows or more ends by compacting an embedded database (as
 * does the first ingest after a compaction that was cut short). A database that cannot be written is refused at once.
 */
public final class IngestService {
    /**
     * Loads this large leave H2's file several times the size of what it holds (1,021 MB for the 12 million rows of the
     * simulated district, 103 MB compacted, in 3.5 s), so they end by compacting it; smaller loads are not worth the wait.
     */
    public static final long COMPACT_AFTER_ROWS = 1_000_000;

    /** What an ingest did: each file's result, the database it went to, and the compaction where one ran. */
    public record Outcome(List<FileIngestResult> results, double seconds, String database, Path rejectLog, Compaction compaction) {
        public long loaded() {
            return results.stream().mapToLong(FileIngestResult::loaded).sum();
        }

        public boolean anyFailed() {
            return results.stream().anyMatch(r -> r.status().isFailure());
        }
    }

    /**
     * A compaction's file sizes before and after (empty for a server's database) and its time; {@link #NONE} where none
     * ran. {@code interrupted}: it finished one an earlier process began and did not end. {@code failure}: why it could
     * not run, the data loaded being kept (empty where it ran or was not due).
     */
    public record Compaction(boolean ran, OptionalLong before, OptionalLong after, double seconds, boolean interrupted,
                             Optional<String> failure) {
        public static final Compaction NONE = new Compaction(false, OptionalLong.empty(), OptionalLong.empty(), 0, false,
                Optional.empty());
    }

    private IngestService() {
    }

    /** The files that paths, folders (read recursively) and quoted globs name; none at all is a failure that says so. */
    public static List<Path> files(List<String> paths) throws JobException {
        List<Path> files;
        try {
            files = InputFiles.expand(paths);
        } catch (IOException e) {
            throw new JobException(e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new JobException("no files were found in " + String.join(", ", paths) + " (empty, or only hidden files); give "
                    + "the files or the folder that holds them");
        }
        return files;
    }

    /** Loads the files into the database at {@code location}; a file's failure is in its result, not thrown. */
    public static Outcome ingest(String location, List<Path> files, IngestOptions options, IngestListener listener) throws JobException {
        long began = System.nanoTime();
        try (DatabaseOpening opening = Workspace.openInBackground(location)) {
            List<FileIngestResult> results = new Ingester(opening, options, listener).ingest(files);
            FlowcastDatabase db = opening.get();
            double seconds = (System.nanoTime() - began) / 1e9;
            String name = db.url().replaceFirst(";.*", "");
            long loaded = results.stream().mapToLong(FileIngestResult::loaded).sum();
            boolean interrupted = db.compactionDue();
            Compaction compaction = loaded >= COMPACT_AFTER_ROWS || interrupted ? compact(db, interrupted) : Compaction.NONE;
            return new Outcome(results, seconds, name, db.rejectLog(), compaction);
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    /** Compacts an embedded database; a failure is the compaction's, reported beside the files, whose data stays loaded. */
    private static Compaction compact(FlowcastDatabase db, boolean interrupted) {
        long began = System.nanoTime();
        OptionalLong before = db.fileSize();
        try {
            db.closeCompacted();
        } catch (StoreException e) {
            return new Compaction(false, before, OptionalLong.empty(), 0, interrupted, Optional.of(e.getMessage()));
        }
        OptionalLong after = db.fileSize();
        return new Compaction(true, before, after, (System.nanoTime() - began) / 1e9, interrupted, Optional.empty());
    }
}
