package org.flowcast.jobs.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folder a live feed delivers files into. A file is read only once it is complete: names starting with a dot or
 * ending in {@code .part} or {@code .tmp} are being written and never read (write {@code .NAME.part}, then rename it to
 * {@code NAME}); any other file is complete once its size and modification time have stayed the same for the settle
 * time (0: as soon as it is seen, for feeds that always rename). Read files move to {@code done/}, refused ones to
 * {@code failed/} with a {@code NAME.reason} file saying why; a name taken there gets a numbered suffix.
 */
final class InboxFolder {
    static final String DONE = "done";
    static final String FAILED = "failed";

    private final Path folder;
    private final Duration settle;
    /** Each file seen and not yet complete: its size and modification time, and when those were first seen. */
    private final Map<Path, Seen> seen = new HashMap<>();

    private record Seen(long size, FileTime modified, Instant since) {
    }

    InboxFolder(Path folder, Duration settle) {
        this.folder = folder;
        this.settle = settle;
    }

    Path path() {
        return folder;
    }

    /** Whether a name is one of a file still being written (or of this folder's own), never to be read. */
    static boolean beingWritten(String name) {
        return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp");
    }

    /** The complete files waiting, in name order (a feed's names sort in time order). */
    List<Path> complete(Instant now) throws IOException {
        List<Path> ready = new ArrayList<>();
        Map<Path, Seen> still = new HashMap<>();
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : listing.sorted().toList()) {
                if (!Files.isRegularFile(file) || beingWritten(file.getFileName().toString())) {
                    continue;
                }
                long size;
                FileTime modified;
                try {
                    size = Files.size(file);
                    modified = Files.getLastModifiedTime(file);
                } catch (IOException e) {
                    continue; // renamed or removed since the listing: seen next time, or gone
                }
                Seen before = seen.get(file);
                Seen current = before != null && before.size() == size && before.modified().equals(modified) ? before
                        : new Seen(size, modified, now);
                if (settle.isZero() || !now.isBefore(current.since().plus(settle))) {
                    ready.add(file);
                } else {
                    still.put(file, current);
                }
            }
        }
        seen.clear();
        seen.putAll(still);
        return ready;
    }

    /** Files waiting, complete or not. */
    int waiting() throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return (int) listing.filter(Files::isRegularFile).filter(p -> !beingWritten(p.getFileName().toString())).count();
        }
    }

    /** Moves a read file to {@code done/}. */
    void done(Path file) throws IOException {
        moveInto(file, folder.resolve(DONE));
    }

    /** Moves a refused file to {@code failed/}, with {@code NAME.reason} beside it saying why. */
    void failed(Path file, String reason) throws IOException {
        Path moved = moveInto(file, folder.resolve(FAILED));
        Path reasonFile = moved.resolveSibling(moved.getFileName() + ".reason");
        Path partial = moved.resolveSibling("." + moved.getFileName() + ".reason.part");
        Files.writeString(partial, reason + System.lineSeparator(), StandardCharsets.UTF_8);
        move(partial, reasonFile);
    }

    private static Path moveInto(Path file, Path target) throws IOException {
        Files.createDirectories(target);
        String name = file.getFileName().toString();
        Path to = target.resolve(name);
        for (int n = 1; Files.exists(to); n++) {
            to = target.resolve(name + "." + n);
        }
        move(file, to);
        return to;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
