package org.flowcast.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Supplier;

/** The reject log beside the database, opened on the first reject and appended to. */
final class RejectLog implements AutoCloseable {
    private final Path path;
    private BufferedWriter writer;

    RejectLog(Path path) {
        this.path = path;
    }

    /** The log's writer, opened on first use; files read on several threads share it (a write of a line is whole). */
    Supplier<BufferedWriter> writerFor(Path file) {
        return this::open;
    }

    private synchronized BufferedWriter open() {
        if (writer == null) {
            try {
                Files.createDirectories(path.toAbsolutePath().getParent());
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                writer.write("# ingest at " + Instant.now());
                writer.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return writer;
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
