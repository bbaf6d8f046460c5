package org.flowcast.jobs.live;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.flowcast.core.AccuracyRow;
import org.flowcast.core.TimeRange;
import org.flowcast.jobs.FineTuneService;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.store.LiveRuns;
import org.flowcast.store.StoreException;

/**
 * Watches each live corridor's realised error against its model's error before live operation and, where it has drifted
 * and retraining is on, fine-tunes the model in the background (one at a time, never in the way of the 5-minute steps):
 * the finished fine-tunes wait in {@link #finished} for the watcher to swap the new models in between steps.
 */
final class DriftWatch implements AutoCloseable {
    /** A finished fine-tune: the corridor and model, and what it did. */
    record Tuned(String key, FineTuneService.Outcome outcome) {
    }

    private final Workspace workspace;
    private final LiveRuns runs;
    private final WatchSettings.Drift settings;
    private final Consumer<String> notes;
    private final Set<String> drifted = new HashSet<>();
    private final Set<String> tuning = ConcurrentHashMap.newKeySet();
    private final Queue<Tuned> done = new ConcurrentLinkedQueue<>();
    private final Queue<String> failed = new ConcurrentLinkedQueue<>();
    /** Data time before which a corridor is not fine-tuned again: a window after its last fine-tune finished. */
    private final Map<String, Instant> resting = new HashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "flowcast-fine-tune");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    DriftWatch(Workspace workspace, LiveRuns runs, WatchSettings.Drift settings, Consumer<String> notes) {
        this.workspace = workspace;
        this.runs = runs;
        this.settings = settings;
        this.notes = notes;
    }

    /**
     * Holds each corridor's realised MAE over the window ending at {@code now} to its reference, says drift once, and
     * fine-tunes a drifted model where retraining is on. A model swapped in is judged on its own forecasts only, and a
     * corridor fine-tuned rests for a window after (the same recent days would give the same model again).
     */
    void check(Instant now, Collection<CorridorLive> corridors) throws StoreException {
        for (CorridorLive c : corridors) {
            String key = c.corridor() + "|" + c.model();
            double reference = c.referenceMae();
            if (Double.isNaN(reference)) {
                continue;
            }
            Instant from = now.minus(settings.window());
            if (c.modelSince().isPresent() && c.modelSince().get().isAfter(from)) {
                from = c.modelSince().get();
            }
            TimeRange window = new TimeRange(from, now.plusSeconds(1));
            List<AccuracyRow> steps = runs.accuracy(c.corridor(), window).stream().filter(r -> r.model().equals(c.model())).toList();
            if (steps.isEmpty()) {
                continue;
            }
            AccuracyRow realised = AccuracyService.overall(steps);
            // judged on a whole window only: from a swapped-in model's first origin, that is a window after it
            boolean judged = realised.scored() >= DriftEvidence.minimumScored(c.horizon(), c.stationIds().size())
                    && DriftEvidence.coversWindow(realised.from(), now.minus(settings.window()));
            if (!judged) {
                continue;
            }
            boolean drift = realised.mae() > reference * (1 + settings.margin());
            if (!drift) {
                drifted.remove(key);
                continue;
            }
            if (drifted.add(key)) {
                notes.accept(String.format(Locale.ROOT, "%s %s has drifted: realised MAE %.2f over the last %d h against %.2f before "
                        + "live operation (+%.0f%%)%s", c.corridor(), c.model(), realised.mae(), settings.window().toHours(), reference,
                        100 * (realised.mae() / reference - 1), settings.retrain() ? "; fine-tuning it in the background" : ""));
            }
            boolean rests = resting.containsKey(key) && now.isBefore(resting.get(key));
            if (settings.retrain() && !rests && tuning.add(key)) {
                fineTune(key, c.modelFile(), c.horizon());
            }
        }
    }

    private void fineTune(String key, Path file, int horizon) {
        TrainingConfig budget = TrainingConfig.defaults().withHorizon(horizon).withTimeBudget(settings.budget());
        background.submit(() -> {
            try {
                done.add(new Tuned(key, FineTuneService.fineTune(workspace, new FineTuneService.Request(file, budget, settings.recent(),
                        Optional.empty()), TrainingListener.NONE)));
            } catch (JobException | RuntimeException e) {
                notes.accept("fine-tuning " + key.replace('|', ' ') + " failed: " + e.getMessage());
                failed.add(key);
            }
        });
    }

    /**
     * The next finished fine-tune, if any, taken at data time {@code now}: its corridor may be fine-tuned again a window
     * later.
     */
    Optional<Tuned> finished(Instant now) {
        for (String key = failed.poll(); key != null; key = failed.poll()) {
            tuning.remove(key);
            resting.put(key, now.plus(settings.window()));
        }
        Tuned t = done.poll();
        if (t != null) {
            tuning.remove(t.key());
            resting.put(t.key(), now.plus(settings.window()));
        }
        return Optional.ofNullable(t);
    }

    static String describe(Tuned t) {
        FineTuneService.Outcome o = t.outcome();
        return String.format(Locale.ROOT, "fine-tuned %s in %.0f s: MAE %.2f on the held-back day against the model's %.2f; %s",
                t.key().replace('|', ' '), o.seconds(), o.challengerMae(), o.parentMae(), o.replaced()
                        ? "swapped in, the old one kept as " + o.keptParent().map(p -> p.getFileName().toString()).orElse("?")
                        : "the old one kept");
    }

    @Override
    public void close() {
        background.shutdownNow();
    }

    /** How often the drift is checked, in data time. */
    static Duration every() {
        return Duration.ofHours(1);
    }
}
