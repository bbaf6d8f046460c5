package org.flowcast.ingest;

import java.nio.file.Path;
import org.flowcast.ingest.read.FileFormat;

/**
 * A file read and checked, ready to be written ({@code collector} set); or its final result where there is
 * nothing to write ({@code result} set: unreadable, refused, already loaded).
 */
record PreparedFile(Path file, FileFormat format, long size, String sha256, FileCollector collector, FileIngestResult result) {
    static PreparedFile done(FileIngestResult result) {
        return new PreparedFile(result.file(), null, 0, null, null, result);
    }

    long rows() {
        return collector == null ? 0 : collector.rowsRead;
    }
}
