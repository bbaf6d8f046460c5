package org.flowcast.ingest;

import java.nio.file.Path;

/**
 * Follows an ingest for a progress display. {@link #rowsRead} may be called from the thread that
 * reads ahead; the other methods come from the thread that called {@link Ingester#ingest}.
 */
public interface IngestListener {
    IngestListener NONE = new IngestListener() {
    };

    default void started(int files) {
    }

    default void fileStarted(Path file, int index) {
    }

    /** Called every few thousand rows with the rows read so far in all files. */
    default void rowsRead(long totalRows) {
    }

    default void fileFinished(FileIngestResult result) {
    }
}
