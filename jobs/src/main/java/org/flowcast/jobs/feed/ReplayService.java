package org.flowcast.jobs.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowcast.jobs.JobException;

/**
 * Replays historical PeMS {@code station_5min} files as a live feed delivers them ({@code flowcast replay}): the
 * district's metadata files first, copied whole, then one file per 5-minute interval holding every station's row of
 * that interval, the original rows byte for byte, named {@link FeedFileName} and written atomically into the inbox,
 * paced to the speed. What is checked before anything is written is a usage error.
 */
public final class ReplayService {
    private ReplayService() {
    }

    /** A replay ready to run: its source found and checked, the inbox made. */
    public static FeedDelivery prepare(ReplayRequest request, FeedClock clock, FeedListener listener) throws JobException {
        if (request.from().isPresent() && request.to().isPresent() && !request.from().get().isBefore(request.to().get())) {
            throw JobException.usage("--from must come before --to");
        }
        ReplayFiles files = ReplayFiles.find(request.source());
        if (Files.exists(request.inbox()) && request.inbox().toAbsolutePath().normalize().equals(
                folderOf(request.source()).toAbsolutePath().normalize())) {
            throw JobException.usage("INBOX is the SOURCE folder; give the feed a folder of its own");
        }
        InboxWriter inbox = InboxWriter.open(request.inbox());
        List<FeedDelivery.MetadataCopy> metadata = new ArrayList<>();
        for (Path file : files.metadata()) {
            try {
                metadata.add(new FeedDelivery.MetadataCopy(file.getFileName().toString(), Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new JobException("cannot read the metadata file " + file + ": " + e.getMessage(), e);
            }
        }
        return new FeedDelivery(new DailyFileSplitter(files, request.from(), request.to()), metadata, inbox, request.speed(), clock,
                request.steps().orElse(0), listener);
    }

    private static Path folderOf(Path source) {
        return Files.isDirectory(source) || source.toAbsolutePath().getParent() == null ? source : source.toAbsolutePath().getParent();
    }
}
