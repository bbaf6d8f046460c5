package org.flowcast.jobs.feed;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowcast.jobs.JobException;

/**
 * One run of a live feed: copies the metadata files into the inbox first, then delivers the source's intervals one file
 * each ({@link IntervalFiles}, {@link FeedFileName}), every file atomically ({@link InboxWriter}) and paced to the speed
 * ({@link FeedPacer}), up to a number of files if one is given. {@link #stop()} (Ctrl-C's shutdown hook, another
 * thread) ends the run cleanly: it waits for the file being written to land, no file is started after it, and no
 * {@code .part} file is left.
 */
public final class FeedDelivery {
    /** A metadata file to copy into the inbox before the intervals, whole. */
    record MetadataCopy(String name, byte[] content) {
    }

    private final IntervalSource source;
    private final List<MetadataCopy> metadata;
    private final InboxWriter inbox;
    private final FeedPacer pacer;
    private final FeedClock clock;
    private final long maxFiles;
    private final FeedListener listener;
    private final IntervalFiles intervalFiles = new IntervalFiles();
    private final List<String> metadataCopied = new ArrayList<>();
    private boolean stopped;
    private boolean exhausted;
    private long files;
    private long rows;
    private Instant first;
    private Instant last;
    private long began;
    private Thread runner;

    FeedDelivery(IntervalSource source, List<MetadataCopy> metadata, InboxWriter inbox, FeedSpeed speed, FeedClock clock, long maxFiles,
                 FeedListener listener) {
        this.source = source;
        this.metadata = List.copyOf(metadata);
        this.inbox = inbox;
        this.pacer = new FeedPacer(speed, clock);
        this.clock = clock;
        this.maxFiles = maxFiles;
        this.listener = listener;
    }

    /** Delivers the feed until its source ends, its file limit, or {@link #stop()}; returns what it delivered. */
    public FeedSummary run() throws JobException {
        synchronized (this) {
            runner = Thread.currentThread();
            began = clock.nanoTime();
        }
        try (source) {
            for (MetadataCopy copy : metadata) {
                if (!deliver(copy.name(), null, copy.content())) {
                    return summary();
                }
                listener.metadata(copy.name());
            }
            listener.starting(maxFiles > 0 ? Math.min(maxFiles, source.expected()) : source.expected());
            while (maxFiles <= 0 || files() < maxFiles) {
                FeedInterval interval = source.next();
                if (interval == null) {
                    synchronized (this) {
                        exhausted = true;
                    }
                    break;
                }
                pacer.awaitDue(interval.time());
                IntervalFiles.IntervalFile file = intervalFiles.of(interval);
                if (!deliver(file.name(), interval, file.parts())) {
                    break;
                }
                listener.delivered(new DeliveredFile(file.name(), interval.time(), interval.local(), interval.rowCount(), files()));
            }
        } catch (InterruptedException e) {
            synchronized (this) {
                stopped = true;
            }
        } catch (IOException e) {
            throw new JobException("the feed into " + inbox.folder() + " failed: " + e.getMessage(), e);
        } finally {
            synchronized (this) {
                runner = null;
                if (stopped) {
                    // the interrupt stop() sent to end a wait is spent: the caller's thread goes on uninterrupted
                    Thread.interrupted();
                }
            }
        }
        return summary();
    }

    /**
     * Stops the run: waits for a file being written to land, lets no other start, and wakes a run waiting for its next
     * file. Returns what was delivered by then. Safe to call from any thread, at any time.
     */
    public synchronized FeedSummary stop() {
        stopped = true;
        if (runner != null && runner != Thread.currentThread()) {
            runner.interrupt();
        }
        return summary();
    }

    /**
     * Writes one file, a metadata file where {@code interval} is null, unless the run is stopped, and counts it; the
     * lock keeps {@link #stop()} from returning while a file is half written or not yet counted.
     */
    private synchronized boolean deliver(String name, FeedInterval interval, byte[]... parts) throws IOException {
        if (stopped) {
            return false;
        }
        inbox.write(name, parts);
        if (interval == null) {
            metadataCopied.add(name);
        } else {
            files++;
            rows += interval.rowCount();
            first = first == null ? interval.time() : first;
            last = interval.time();
        }
        return true;
    }

    private synchronized long files() {
        return files;
    }

    /** What the run has delivered so far. */
    public synchronized FeedSummary summary() {
        boolean complete = exhausted && !stopped;
        Optional<Instant> resume = complete || last == null ? Optional.empty() : Optional.of(last.plus(Duration.ofMinutes(5)));
        return new FeedSummary(inbox.folder(), List.copyOf(metadataCopied), files, rows, Optional.ofNullable(first),
                Optional.ofNullable(last), stopped, resume, source.skippedLines(), (clock.nanoTime() - began) / 1e9);
    }
}
