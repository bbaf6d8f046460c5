package org.flowcast.jobs.export;

import java.io.IOException;

/**
 * Writes a table row by row in one format, holding at most a bounded part of it (a Parquet row group). {@link #finish}
 * completes the table; {@link #close} releases what the writer holds, and leaves a table not finished incomplete.
 */
interface TableWriter extends AutoCloseable {
    /** Writes one row: a value per column, in the columns' order and types. */
    void row(Object[] values) throws IOException;

    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
