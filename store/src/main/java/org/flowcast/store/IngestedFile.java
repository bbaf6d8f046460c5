package org.flowcast.store;

import java.time.Instant;

/** One loaded file. */
public record IngestedFile(String path, String format, long sizeBytes, String sha256, long rowsLoaded, long rowsDuplicate,
                    long rowsRejected, long rowsFlagged, Instant loadedAt) {
}
