package org.flowcast.ingest.read;

/** One row that does not fit its format; the reader turns it into a reject and goes on. */
final class RowException extends Exception {
    private static final long serialVersionUID = 1L;

    RowException(String message) {
        super(message, null, false, false);
    }
}
