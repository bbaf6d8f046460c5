package org.flowcast.ingest.read;

import java.nio.file.Path;

/**
 * A file that cannot be read at all (corrupt, truncated, unknown format, missing option); the message
 * names the file and says what was expected.
 */
public class FileReadException extends Exception {
    private static final long serialVersionUID = 1L;

    public FileReadException(Path file, String message) {
        super(file + ": " + message);
    }

    public FileReadException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
