package org.flowcast.jobs.feed;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.flowcast.jobs.JobException;

/**
 * Puts files into an inbox folder whole or not at all: each is written as {@code .NAME.part} (a dot-file, which a
 * watcher never reads) and renamed to {@code NAME} in one atomic step, so a reader sees no file or the complete one.
 * A {@code .part} file is removed when its writing fails, and those a run killed outright left are removed on opening.
 */
final class InboxWriter {
    private final Path inbox;

    private InboxWriter(Path inbox) {
        this.inbox = inbox;
    }

    /** The writer of {@code inbox}, made if absent; a path that is a file is a usage error. */
    static InboxWriter open(Path inbox) throws JobException {
        if (Files.exists(inbox) && !Files.isDirectory(inbox)) {
            throw JobException.usage("INBOX " + inbox + " is a file; give a folder (made if absent) for the feed's files");
        }
        try {
            Files.createDirectories(inbox);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(inbox, ".d[0-9]*_text_*.part")) {
                for (Path part : leftovers) {
                    Files.deleteIfExists(part);
                }
            }
        } catch (IOException e) {
            throw new JobException("cannot make or clear the inbox " + inbox + ": " + e.getMessage(), e);
        }
        return new InboxWriter(inbox);
    }

    Path folder() {
        return inbox;
    }

    /** Writes {@code parts} one after the other as the file {@code name}, atomically. */
    Path write(String name, byte[]... parts) throws IOException {
        Path part = inbox.resolve(FeedFileName.partName(name));
        Path target = inbox.resolve(name);
        try {
            try (var out = Files.newOutputStream(part)) {
                for (byte[] bytes : parts) {
                    out.write(bytes);
                }
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
