package org.flowcast.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The reject log could not be written: the fault of the log's place (a folder in its way, a full disk), not of the
 * file being read, whose rows cannot then be rejected with their lines and which is therefore not stored.
 */
final class RejectLogFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RejectLogFailure(Path log, IOException cause) {
        super("could not write the reject log " + log + " (" + (cause.getMessage() == null ? cause : cause.getMessage())
                + "); make it writable or give the database another place, then ingest again", cause);
    }
}
