package org.flowcast.jobs.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.flowcast.core.PemsTime;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.jobs.FineTuneService;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.jobs.Workspace;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.neural.TrainingListener;

/**
 * One variant of a shift bench: its own copy of the history's database and models, and the feed delivered into a watcher's
 * inbox one file at a time (written aside, then renamed, as a feed writes it), the watcher doing the file's step before the
 * next file lands. At the update the watcher is closed, each model is updated the variant's way, and a new watcher goes on
 * over the same database and inbox: its live runs continue by corridor and model, with the new model files.
 */
final class ShiftReplay {
    private static final Duration STEP = Duration.ofMinutes(5);
    /** Of the windows of the data a model is retrained on: training, then validation (early stopping, calibration). */
    private static final double RETRAIN_SHARE = 0.79;
    private static final double RETRAIN_VALIDATION_SHARE = 0.2;

    /**
     * How a model was updated: the seconds it took, whether the new model went live, both models' MAE on the fine-tune's
     * held-back day (NaN for a retrain, which has none), and the data the new model was fitted on.
     */
    record Update(String model, double seconds, boolean swapped, double parentMae, double newMae, TimeRange data) {
    }

    /** A variant replayed: its database, the seconds of the replay (updates included), the steps done, and the updates. */
    record Replayed(ShiftVariant variant, Path database, double seconds, int steps, List<Update> updates) {
    }

    private final ShiftVariant variant;
    private final ShiftScenario.Prepared prepared;
    private final TrainingSettings training;
    private final Duration recent;
    private final Consumer<String> progress;
    private final List<WatchService.StepReport> steps = new ArrayList<>();

    ShiftReplay(ShiftVariant variant, ShiftScenario.Prepared prepared, TrainingSettings training, Duration recent,
                Consumer<String> progress) {
        this.variant = variant;
        this.prepared = prepared;
        this.training = training;
        this.recent = recent;
        this.progress = line -> progress.accept(variant.label() + ": " + line);
    }

    Replayed run(ShiftTimeline timeline, Path folder) throws JobException, IOException {
        Path database = Files.createDirectories(folder.resolve("db")).resolve("flowcast");
        Files.copy(Path.of(prepared.database() + ".mv.db"), Path.of(database + ".mv.db"));
        Path models = Files.createDirectories(folder.resolve("models"));
        for (ShiftScenario.Trained t : prepared.trained()) {
            Files.copy(t.file(), models.resolve(t.file().getFileName()));
        }
        Path inbox = Files.createDirectories(folder.resolve("inbox"));
        WatchSettings defaults = WatchSettings.defaults(inbox, models);
        // the origins are kept for the whole replay: the fixed intervals are recomputed from them afterwards
        WatchSettings settings = new WatchSettings(inbox, defaults.corridors(), defaults.corridorFile(), models, defaults.model(),
                Duration.ZERO, defaults.poll(), defaults.catchUpSteps(), Duration.ofDays(3650), defaults.keepScores(), defaults.gamma(),
                true, defaults.drift());
        List<Update> updates = new ArrayList<>();
        long began = System.nanoTime();
        long dayBegan = began;
        try (Workspace workspace = Workspace.open(database.toString())) {
            WatchService watch = watcher(workspace, settings);
            try {
                boolean updated = variant == ShiftVariant.NEVER;
                LocalDate day = null;
                for (Path file : prepared.feed()) {
                    Optional<Instant> done = deliver(file, inbox, watch);
                    if (done.isEmpty()) {
                        continue;
                    }
                    Instant next = done.get().plus(STEP);
                    // by the day of the step done, not of the next file's: a day whose last interval has no file is said too
                    if (day != null && !localDate(done.get()).equals(day)) {
                        progress.accept(String.format(Locale.ROOT, "%s replayed in %.0f s", day, (System.nanoTime() - dayBegan) / 1e9));
                        dayBegan = System.nanoTime();
                    }
                    day = localDate(done.get());
                    if (!updated && !next.isBefore(timeline.update())) {
                        watch.close();
                        updates.addAll(update(workspace, models));
                        watch = watcher(workspace, settings);
                        updated = true;
                    }
                }
                if (day != null) {
                    progress.accept(String.format(Locale.ROOT, "%s replayed in %.0f s", day, (System.nanoTime() - dayBegan) / 1e9));
                }
            } finally {
                watch.close();
            }
        }
        return new Replayed(variant, database, (System.nanoTime() - began) / 1e9, steps.size(), updates);
    }

    private WatchService watcher(Workspace workspace, WatchSettings settings) throws JobException {
        return new WatchService(workspace, settings, new WatchService.Listener() {
            @Override
            public void file(FileIngestResult result) {
                if (result.status().isFailure()) {
                    progress.accept(result.file().getFileName() + " was refused: " + result.message());
                }
            }

            @Override
            public void step(WatchService.StepReport report) {
                steps.add(report);
            }

            @Override
            public void note(String message) {
                progress.accept(message);
            }
        }, Clock.systemUTC());
    }

    /**
     * Lands one file in the inbox and has the watcher work until the file's step is done; returns the newest step done
     * (empty where the file brought none: refused, or holding no reading).
     */
    private Optional<Instant> deliver(Path file, Path inbox, WatchService watch) throws IOException, JobException {
        Path partial = inbox.resolve("." + file.getFileName() + ".part");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(partial, FileTime.from(Clock.systemUTC().instant()));
        Files.move(partial, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        int before = steps.size();
        boolean worked = true;
        while (steps.size() == before && worked) {
            worked = watch.cycle();
        }
        return steps.size() == before ? Optional.empty() : Optional.of(steps.get(steps.size() - 1).step());
    }

    /** Updates every model the variant's way, between two steps, with the data stored so far. */
    private List<Update> update(Workspace workspace, Path models) throws JobException {
        List<Update> updates = new ArrayList<>();
        for (ShiftScenario.Trained t : prepared.trained()) {
            Path file = models.resolve(t.file().getFileName());
            Update u = variant == ShiftVariant.FINE_TUNED ? fineTune(workspace, t.model(), file) : retrain(workspace, t.model(), models);
            progress.accept(String.format(Locale.ROOT, "%s %s in %.1f s on %s to %s%s", variant == ShiftVariant.FINE_TUNED ? "fine-tuned"
                    : "retrained", t.model(), u.seconds(), u.data().from(), u.data().to(), variant == ShiftVariant.FINE_TUNED
                    ? String.format(Locale.ROOT, ": MAE %.2f on the held-back day against the model's %.2f, %s", u.newMae(),
                    u.parentMae(), u.swapped() ? "swapped in" : "not swapped in") : ", swapped in"));
            updates.add(u);
        }
        return updates;
    }

    /** Champion and challenger as live operation fine-tunes: the newest day held back, the new model swapped in if it wins. */
    private Update fineTune(Workspace workspace, String model, Path file) throws JobException {
        long began = System.nanoTime();
        FineTuneService.Outcome outcome = FineTuneService.fineTune(workspace, new FineTuneService.Request(file, training.config(), recent,
                Optional.empty()), TrainingListener.NONE);
        return new Update(model, (System.nanoTime() - began) / 1e9, outcome.replaced(), outcome.parentMae(), outcome.challengerMae(),
                outcome.data());
    }

    /**
     * The model trained anew on all the data stored so far, split as a fine-tune splits its data (the newest 20% of the
     * windows validate: early stopping and calibration), and swapped in: there is no test share, the replay is its test.
     */
    private Update retrain(Workspace workspace, String model, Path models) throws JobException {
        EvaluationProtocol protocol = new EvaluationProtocol(EvaluationProtocol.LOOKBACK, RETRAIN_SHARE, RETRAIN_VALIDATION_SHARE,
                training.horizon(), Optional.empty());
        ShiftScenario.Trained t = ShiftScenario.train(workspace, prepared.corridor(), model, training, protocol, models);
        return new Update(model, t.seconds(), true, Double.NaN, Double.NaN, t.data());
    }

    private static LocalDate localDate(Instant time) {
        return time.atZone(PemsTime.ZONE).toLocalDate();
    }
}
