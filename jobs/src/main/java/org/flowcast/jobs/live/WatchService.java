package org.flowcast.jobs.live;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.flowcast.core.Corridor;
import org.flowcast.core.Forecaster;
import org.flowcast.core.PemsTime;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.read.FileFormat;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.ForecastJob;
import org.flowcast.jobs.ForecastRunService;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.ModelFiles;
import org.flowcast.jobs.Workspace;
import org.flowcast.store.LiveRuns;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoreException;

/**
 * Live operation ({@code flowcast watch}): ingests the files that land in an inbox as they become complete, and for every
 * new 5-minute step, in time order, has every watched corridor's model score the forecasts whose targets came, update its
 * adaptive intervals and forecast from the newest origin, each step of each corridor committed as one. Everything it
 * writes is idempotent per corridor, model and step, so a watcher killed at any moment and started again goes on from
 * what the store says it finished. One cycle at a time: {@link #cycle} does what is due; {@link #run} repeats it.
 */
public final class WatchService implements AutoCloseable {
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    /** What a watcher says as it works. */
    public interface Listener {
        /** A file read (loaded, unchanged, or refused and moved to failed/). */
        void file(FileIngestResult result);

        /** A 5-minute step done for every corridor due: when its data landed and when the last corridor's work was committed. */
        void step(StepReport report);

        /** Something worth a line: a corridor without a model, a catch-up skipped, a pruning, a corridor's failure. */
        void note(String message);
    }

    /**
     * One 5-minute step: its time, the rows the files of its cycle loaded, the corridors refreshed (and failed), the
     * stored forecasts scored, the seconds from the newest file's landing to the commit of the step's last corridor
     * (NaN for a step no file of this cycle brought: a catch-up), and the seconds the cycle's ingest took (NaN likewise).
     */
    public record StepReport(Instant step, long rows, int refreshed, int failed, int scored, double latencySeconds, double ingestSeconds) {
    }

    private final Workspace workspace;
    private final WatchSettings settings;
    private final Listener listener;
    private final Clock clock;
    private final InboxFolder inbox;
    private final LiveRuns runs;
    private final SeriesQuery query;
    private final Map<String, CorridorLive> live = new LinkedHashMap<>();
    private final WatchStatus status;
    private final DriftWatch drift;
    private boolean corridorsResolved;
    private BooleanSupplier stopRequested = () -> false;
    /** The newest reading before the first files this watcher read: new live runs go on from the step after it. */
    private Optional<Instant> startAfter = Optional.empty();
    private Instant lastPrune = Instant.MIN;
    /** Model files that could not be read or were trained on other stations than their corridor's: said once, then left alone. */
    private final Set<Path> refused = new HashSet<>();
    /** Corridors whose step failed, with the newest reading then: they are tried again once newer data came. */
    private final Map<CorridorLive, Instant> failedAt = new HashMap<>();

    public WatchService(Workspace workspace, WatchSettings settings, Listener listener, Clock clock) throws JobException {
        if (!Files.isDirectory(settings.inbox())) {
            throw JobException.usage("the inbox " + settings.inbox()
                    + " is not a folder; create it, or give the folder the feed writes to");
        }
        ForecastRunService.checkRetention(settings.keepOrigins(), settings.keepScores());
        this.workspace = workspace;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
        this.inbox = new InboxFolder(settings.inbox(), settings.settle());
        this.runs = new LiveRuns(workspace.database());
        this.query = new SeriesQuery(workspace.database());
        this.status = new WatchStatus(settings.inbox().resolve(WatchStatus.FILE_NAME));
        this.drift = new DriftWatch(workspace, runs, settings.drift(), listener::note);
    }

    /** Repeats {@link #cycle} until {@code stop} says so (or, with {@code once}, until the inbox has nothing left to do). */
    public void run(BooleanSupplier stop) throws JobException {
        run(stop, () -> settings.once());
    }

    /**
     * Repeats {@link #cycle} until {@code stop} says so (the step under way is finished, the steps left wait for the next
     * start), or until {@code lastDelivered} says no more files will come and everything that came is done. A cycle that
     * fails on the store or the inbox (a database restarting, a full disk) is said and tried again, a little later each
     * time up to a minute, rather than ending live operation; with {@code once} it ends the run.
     */
    public void run(BooleanSupplier stop, BooleanSupplier lastDelivered) throws JobException {
        stopRequested = stop;
        int failures = 0;
        while (!stop.getAsBoolean()) {
            boolean worked;
            try {
                worked = cycle();
                failures = 0;
            } catch (JobException e) {
                if (settings.once() || e.usage()) {
                    throw e;
                }
                failures++;
                listener.note("this cycle failed, tried again in " + backOff(failures).toSeconds() + " s: " + e.getMessage());
                if (!pause(backOff(failures))) {
                    return;
                }
                continue;
            }
            if (!worked && lastDelivered.getAsBoolean() && waiting() == 0) {
                return;
            }
            if (!worked && !pause(settings.poll())) {
                return;
            }
        }
    }

    private Duration backOff(int failures) {
        long millis = settings.poll().toMillis() << Math.min(failures, 20);
        return Duration.ofMillis(Math.min(Math.max(millis, 1000), 60_000));
    }

    /** Sleeps; false where the thread was interrupted (it then stops). */
    private static boolean pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int waiting() throws JobException {
        try {
            return inbox.waiting();
        } catch (IOException e) {
            throw new JobException("the inbox " + settings.inbox() + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Reads the complete files waiting and does every step due; returns whether it did anything. */
    public boolean cycle() throws JobException {
        try {
            List<Path> files = inbox.complete(clock.instant());
            if (live.isEmpty()) {
                // a corridor that starts now goes on from the data the store held before these files
                startAfter = newestOverall();
            }
            Instant landed = null;
            long rows = 0;
            double ingestSeconds = Double.NaN;
            boolean metadata = false;
            if (!files.isEmpty()) {
                long ingestBegan = System.nanoTime();
                for (Path file : files) {
                    Instant modified = Files.getLastModifiedTime(file).toInstant();
                    landed = landed == null || modified.isAfter(landed) ? modified : landed;
                }
                List<FileIngestResult> results = new Ingester(workspace.database(), IngestOptions.defaults(), IngestListener.NONE)
                        .ingest(files);
                ingestSeconds = (System.nanoTime() - ingestBegan) / 1e9;
                for (FileIngestResult r : results) {
                    if (r.status().isFailure()) {
                        inbox.failed(r.file(), r.message());
                        status.failed(r.file().getFileName() + ": " + r.message(), clock.instant());
                    } else {
                        inbox.done(r.file());
                    }
                    rows += r.loaded();
                    metadata |= r.format().map(f -> f == FileFormat.STATION_METADATA).orElse(false);
                    listener.file(r);
                }
            }
            if (!corridorsResolved || metadata) {
                resolveCorridors();
            }
            swapInFineTuned();
            int steps = processDue(landed, rows, ingestSeconds);
            prune();
            status.write(clock.instant(), newestData(), live.values(), inbox.waiting());
            return !files.isEmpty() || steps > 0;
        } catch (IOException e) {
            throw new JobException("the inbox " + settings.inbox() + " could not be read or moved: " + e.getMessage(), e);
        } catch (StoreException e) {
            status.failed(e.getMessage(), clock.instant());
            throw new JobException(e.getMessage(), e);
        }
    }

    /**
     * Models fine-tuned in the background that won against the old ones go on the live run from its next step: the run
     * records the origin the new model starts at and its error on the held-back day, and its intervals start again
     * from the new model's calibration.
     */
    private void swapInFineTuned() throws JobException, StoreException {
        Optional<Instant> newest = newestData();
        if (newest.isEmpty()) {
            return;
        }
        for (Optional<DriftWatch.Tuned> t = drift.finished(newest.get()); t.isPresent(); t = drift.finished(newest.get())) {
            listener.note(DriftWatch.describe(t.get()));
            CorridorLive old = live.get(t.get().key());
            if (t.get().outcome().replaced() && old != null) {
                Instant since = old.processedThrough().map(p -> p.plus(STEP)).orElse(newest.get());
                runs.swapModel(old.runId(), since, t.get().outcome().challengerMae());
                Forecaster tuned = ForecastJob.load(old.modelFile());
                live.put(t.get().key(), new CorridorLive(old.definition(), old.modelFile(), tuned, runs, query, settings.intervalSettings(),
                        Optional.empty(), listener::note));
            }
        }
    }

    @Override
    public void close() {
        drift.close();
    }

    /** The corridors to watch and their models; a corridor without a model file is said once and left out. */
    private void resolveCorridors() throws JobException, StoreException {
        List<Corridor> corridors;
        try {
            corridors = CorridorCatalog.withoutCoverage(workspace, settings.corridorFile()).choose(settings.corridors());
        } catch (JobException e) {
            if (!corridorsResolved && settings.corridors().equals(List.of("all"))) {
                return; // no corridor yet: the feed has not delivered its metadata; tried again after the next files
            }
            throw e;
        }
        corridorsResolved = true;
        for (Corridor corridor : corridors) {
            List<Path> files;
            try {
                files = ModelFiles.ofCorridor(settings.modelsFolder(), corridor.name(), settings.model());
            } catch (JobException e) {
                if (live.keySet().stream().noneMatch(k -> k.startsWith(corridor.name() + "|"))) {
                    listener.note("corridor " + corridor.name() + " is not watched: " + e.getMessage());
                }
                continue;
            }
            for (Path file : files) {
                if (live.values().stream().anyMatch(c -> c.modelFile().equals(file))) {
                    continue;
                }
                Forecaster forecaster;
                try {
                    forecaster = ForecastJob.load(file);
                    ForecastJob.requireTrainedOn(corridor, file, forecaster);
                } catch (JobException e) {
                    // one bad file leaves its corridor's other models, and the other corridors, watched
                    if (refused.add(file)) {
                        listener.note("corridor " + corridor.name() + " is not watched with " + file.getFileName() + ": " + e.getMessage());
                    }
                    continue;
                }
                String key = corridor.name() + "|" + forecaster.modelName();
                if (live.containsKey(key)) {
                    continue;
                }
                live.put(key, new CorridorLive(corridor, file, forecaster, runs, query, settings.intervalSettings(), startAfter,
                        listener::note));
            }
        }
        if (live.isEmpty()) {
            throw new JobException("no watched corridor has a usable model file in " + settings.modelsFolder() + "; train them "
                    + "first, e.g. 'flowcast train --corridor all --model at-conv-lstm --out " + settings.modelsFolder() + "'");
        }
    }

    private Optional<Instant> newestOverall() throws StoreException {
        List<Integer> stations = List.copyOf(query.stationsWithReadings());
        return stations.isEmpty() ? Optional.empty() : query.newestReading(stations);
    }

    private Optional<Instant> newestData() throws StoreException {
        List<Integer> stations = live.values().stream().flatMap(c -> c.stationIds().stream()).distinct().toList();
        return stations.isEmpty() ? Optional.empty() : query.newestReading(stations);
    }

    /**
     * Does every step due, time by time, corridor by corridor; returns how many steps some corridor committed. A corridor
     * whose step failed is left until newer data comes (a model that refuses its input would refuse it again).
     */
    private int processDue(Instant landed, long rows, double ingestSeconds) throws StoreException {
        Optional<Instant> newest = newestData();
        if (newest.isEmpty()) {
            return 0;
        }
        Instant oldestKept = newest.get().minus(STEP.multipliedBy(settings.catchUpSteps()));
        TreeSet<Instant> due = new TreeSet<>();
        Map<CorridorLive, Instant> from = new LinkedHashMap<>();
        for (CorridorLive c : live.values()) {
            if (newest.get().equals(failedAt.get(c))) {
                continue;
            }
            failedAt.remove(c);
            Instant first = c.processedThrough().map(t -> t.plus(STEP)).orElse(newest.get());
            if (first.isBefore(oldestKept)) {
                listener.note(c.corridor() + " " + c.model() + ": " + Duration.between(first, newest.get()).toMinutes()
                        + " minutes to catch up, more than " + settings.catchUpSteps() + " steps; starting again from "
                        + PemsTime.format(newest.get()));
                first = newest.get();
            }
            from.put(c, first);
            for (Instant t = first; !t.isAfter(newest.get()); t = t.plus(STEP)) {
                due.add(t);
            }
        }
        int done = 0;
        for (Instant t : due) {
            if (stopRequested.getAsBoolean()) {
                break; // the steps left are done when the watcher starts again
            }
            int refreshed = 0;
            int committed = 0;
            int failed = 0;
            int scored = 0;
            for (CorridorLive c : live.values()) {
                if (!from.containsKey(c) || t.isBefore(from.get(c))) {
                    continue;
                }
                try {
                    CorridorLive.Done step = c.process(t);
                    committed++;
                    scored += step.scored();
                    refreshed += step.forecast() ? 1 : 0;
                    if (step.refused().isPresent()) {
                        String message = c.corridor() + " " + c.model() + " at " + PemsTime.format(t) + ": no forecast: "
                                + step.refused().get();
                        status.failed(message, clock.instant());
                        listener.note(message);
                    }
                } catch (JobException | RuntimeException e) {
                    failed++;
                    String message = c.corridor() + " " + c.model() + " at " + PemsTime.format(t) + ": " + e.getMessage();
                    status.failed(message, clock.instant());
                    listener.note(message + " (tried again when newer data comes)");
                    from.put(c, Instant.MAX);
                    failedAt.put(c, newest.get());
                }
            }
            done += committed > 0 ? 1 : 0;
            if (t.getEpochSecond() % DriftWatch.every().toSeconds() == 0) {
                drift.check(t.plus(STEP), live.values());
            }
            boolean brought = landed != null && t.equals(newest.get());
            double latency = brought ? Duration.between(landed, clock.instant()).toNanos() / 1e9 : Double.NaN;
            listener.step(new StepReport(t, brought ? rows : 0, refreshed, failed, scored, latency, brought ? ingestSeconds : Double.NaN));
        }
        return done;
    }

    private void prune() throws StoreException {
        Instant now = clock.instant();
        if (!lastPrune.equals(Instant.MIN) && Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
            return;
        }
        lastPrune = now;
        Optional<Instant> newest = newestData();
        if (newest.isEmpty()) {
            return;
        }
        // retention runs on data time, so that a replay of old data keeps what a live feed of the same days would
        LiveRuns.Pruned pruned = runs.prune(newest.get().minus(settings.keepOrigins()), newest.get().minus(settings.keepScores()));
        if (pruned.origins() + pruned.scores() > 0) {
            listener.note("pruned " + pruned.origins() + " origins older than " + settings.keepOrigins().toDays() + " days and "
                    + pruned.scores() + " scores older than " + settings.keepScores().toDays() + " days");
        }
    }

    /** The stations of the watched corridors. */
    public int stationCount() {
        return (int) live.values().stream().flatMap(c -> c.stationIds().stream()).distinct().count();
    }

    /** The corridors and models being watched. */
    public List<String> watched() {
        return new ArrayList<>(live.keySet());
    }
}
