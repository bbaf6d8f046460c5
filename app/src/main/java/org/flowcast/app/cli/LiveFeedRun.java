package org.flowcast.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.flowcast.core.PemsTime;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.feed.FeedDelivery;
import org.flowcast.jobs.feed.FeedSummary;

/**
 * Runs a live feed for a command: Ctrl-C (a shutdown hook) stops it cleanly, with the file being written left to land
 * and no {@code .part} file behind, and says where to continue; at the end, a summary.
 */
final class LiveFeedRun {
    private static final DateTimeFormatter OPTION_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

    private LiveFeedRun() {
    }

    /** Runs {@code delivery}, printing progress and the summary on {@code out}; {@code resumeOption} is how the command continues. */
    static FeedSummary run(FeedDelivery delivery, FeedProgress progress, PrintWriter out, String resumeOption) throws JobException {
        Thread hook = new Thread(() -> {
            FeedSummary stopped = delivery.stop();
            out.println();
            out.println(summary(stopped, resumeOption));
            out.flush();
        }, "flowcast-feed-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        FeedSummary summary;
        try {
            summary = delivery.run();
        } finally {
            progress.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook reports the run
            }
        }
        if (!summary.stopped()) {
            out.println(summary(summary, resumeOption)); // a stopped run's summary is the hook's to print
        }
        return summary;
    }

    /** What a run delivered, and where to continue one that stopped before its source's end. */
    static String summary(FeedSummary summary, String resumeOption) {
        StringBuilder text = new StringBuilder();
        text.append(summary.stopped() ? "Stopped: delivered " : "Delivered ")
                .append(String.format(Locale.ROOT, "%,d interval file(s), %,d rows", summary.files(), summary.rows()));
        if (summary.first().isPresent()) {
            text.append(", ").append(PemsTime.format(summary.first().get())).append(" to ")
                    .append(PemsTime.format(summary.last().orElseThrow()));
        }
        text.append(", into ").append(summary.inbox()).append(String.format(Locale.ROOT, " in %.1f s", summary.seconds()));
        if (!summary.metadata().isEmpty()) {
            text.append(" (metadata first: ").append(String.join(", ", summary.metadata())).append(')');
        }
        text.append('.');
        if (summary.skippedLines() > 0) {
            text.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                    "%,d line(s) of the source held no PeMS time (a header, a damaged line) and were left out.", summary.skippedLines()));
        }
        summary.resumeFrom().ifPresent(next -> text.append(System.lineSeparator()).append("Continue with: ")
                .append(resumeOption).append(' ').append(optionTime(next)));
        return text.toString();
    }

    /** A time as --from reads it: Pacific local, with its offset in the hour that occurs twice. */
    static String optionTime(Instant time) {
        ZonedDateTime zoned = time.atZone(PemsTime.ZONE);
        boolean ambiguous = PemsTime.ZONE.getRules().getValidOffsets(zoned.toLocalDateTime()).size() > 1;
        return ambiguous ? zoned.toOffsetDateTime().toString() : OPTION_TIME.format(zoned);
    }
}
