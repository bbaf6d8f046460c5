package org.flowcast.ingest.read;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one file format; rows that do not fit go to {@link ReadingSink#reject} and reading goes on. */
public interface SensorFileReader {

    /**
     * Reads the whole file into the sink.
     *
     * @throws FileReadException where the file as a whole cannot be read (corrupt, wrong format)
     * @throws IOException where reading fails below the format
     */
    void read(Path file, ReadingSink sink) throws IOException, FileReadException;
}
