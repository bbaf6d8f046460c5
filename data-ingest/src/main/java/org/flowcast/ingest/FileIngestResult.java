package org.flowcast.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flowcast.ingest.read.FileFormat;

/**
 * What happened to one input file. Row counts: {@code loaded} new or changed readings (or stations,
 * for metadata), {@code duplicates} readings already stored or repeated exactly in the file, {@code rejected}
 * rows that could not be read, {@code empty} readings without any value (not stored); every row read is one of
 * them: {@code loaded + duplicates + rejected + empty = rowsRead} for a loaded file. {@code conflicts} counts the
 * rejected rows that repeat a station and time with other values; {@code flagged} loaded readings that failed a
 * plausibility check; {@code warnings} say what the file holds that was not read (a misspelt column).
 */
public record FileIngestResult(
        Path file,
        Optional<FileFormat> format,
        Status status,
        long rowsRead,
        long loaded,
        long duplicates,
        long rejected,
        long flagged,
        long conflicts,
        long empty,
        List<Integer> stationsWithoutMetadata,
        String message,
        List<String> warnings) {

    /** The outcome of one file. */
    public enum Status {
        /** Committed. */
        LOADED,
        /** Its content had been loaded before; nothing to do. */
        UNCHANGED,
        /** A companion file (station or edge list) read with the tensor beside it. */
        SKIPPED,
        /** Too many bad rows: nothing committed. */
        REFUSED,
        /** Unreadable or failed while writing: nothing committed. */
        FAILED;

        public boolean isFailure() {
            return this == REFUSED || this == FAILED;
        }
    }

    public FileIngestResult {
        stationsWithoutMetadata = List.copyOf(stationsWithoutMetadata);
        warnings = List.copyOf(warnings);
    }

    static FileIngestResult failed(Path file, Optional<FileFormat> format, Status status, long rowsRead, long rejected, String message) {
        return failed(file, format, status, rowsRead, rejected, message, List.of());
    }

    /** A file of which nothing was stored, with what was said of it while it was read. */
    static FileIngestResult failed(Path file, Optional<FileFormat> format, Status status, long rowsRead, long rejected, String message,
                                   List<String> warnings) {
        return new FileIngestResult(file, format, status, rowsRead, 0, 0, rejected, 0, 0, 0, List.of(), message, warnings);
    }

    /** A file that was not read: {@code status} says why (unchanged, or read with the tensor beside it). */
    static FileIngestResult notRead(Path file, FileFormat format, Status status, String message) {
        return new FileIngestResult(file, Optional.of(format), status, 0, 0, 0, 0, 0, 0, 0, List.of(), message, List.of());
    }
}
