package org.flowcast.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The reject log beside the database, opened on the first reject and appended to; a failure to write it is a
 * {@link RejectLogFailure} naming the log, so that it is never taken for the fault of the file being read.
 */
final class RejectLog implements AutoCloseable {
    private final Path path;
    private BufferedWriter writer;

    RejectLog(Path path) {
        this.path = path;
    }

    /** Appends one line; files read on several threads share the log, and a line is written whole. */
    void write(String line) {
        try {
            // one write per line: BufferedWriter holds its lock for the whole string
            open().write(line + System.lineSeparator());
        } catch (IOException e) {
            throw new RejectLogFailure(path, e);
        }
    }

    private synchronized BufferedWriter open() throws IOException {
        if (writer == null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
            writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            writer.write("# ingest at " + Instant.now());
            writer.newLine();
        }
        return writer;
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new RejectLogFailure(path, e);
            }
        }
    }
}
