package org.flowcast.jobs.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.ScratchFolder;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.jobs.Workspace;
import org.flowcast.sample.SampleConfig;
import org.flowcast.sample.SampleCorridor;
import org.flowcast.sample.TrafficShift;

/**
 * Live operation under a deliberate shift ({@code flowcast bench shift}): the sample corridor with more demand (or a lane
 * closed) from a day on; the models trained on the days before the replay; then the same days, some before the shift and
 * all after it, replayed file by file into a watcher three times, each on its own copy of the database: with the models
 * as trained, with them fine-tuned at a fixed point after the shift, and with them trained anew there. Reports each
 * variant's realised MAE before the shift, from the shift to the update and after it, the updates' seconds, and the
 * coverage of the never-updated models' adaptive intervals against fixed ones before and after the shift.
 *
 * <p>The update is at a fixed point in data time, run between two steps, rather than by the watcher's drift check in the
 * background: with files landing as fast as the watcher takes them, a background fine-tune would go live after as many
 * steps as the machine does while it trains, and the figures would depend on the machine.
 */
public final class LiveShiftBench {
    /** The sample's first day, a Monday: the sample's default, whose fifth week starts on Monday 6 March 2023. */
    public static final LocalDate START = SampleConfig.DEFAULT.start();
    /** The fewest history days: the protocol's week and an hour before each window, and days of windows to split. */
    static final int MINIMUM_HISTORY_DAYS = 10;
    /** The fewest days a fine-tune can read: a week and an hour before each window, windows, and the held-back day. */
    static final int MINIMUM_FINE_TUNE_DAYS = 9;

    /**
     * What to measure.
     *
     * @param stations        the sample corridor's stations
     * @param weeks           the sample's weeks
     * @param seed            the sample's seed (the models' is in {@code training})
     * @param factor          demand from the shift day on, times normal (1: none)
     * @param laneClosure     the station that loses a lane from the shift day on, 0 for none
     * @param shiftDay        the first shifted day, from 1; 0 for the first day of the last week
     * @param daysBefore      the days before the shift replayed (the adaptive intervals need a day of scores)
     * @param updateAfterDays the days after the shift's start at which the models are updated
     * @param fineTuneDays    the newest days a fine-tune reads, its held-back day included
     * @param models          the models, by registered name
     * @param training        horizon, epochs, seed: of the training on the history and of the updates
     * @param workdir         where to work and keep everything (an empty or new folder); empty: a temporary folder
     */
    public record Request(int stations, int weeks, long seed, double factor, int laneClosure, int shiftDay, int daysBefore,
                          int updateAfterDays, int fineTuneDays, List<String> models, TrainingSettings training, Optional<Path> workdir) {
        public Request {
            models = List.copyOf(models);
        }

        /** The first shifted day: as given, or the first day of the last week. */
        public int firstShiftedDay() {
            return shiftDay == 0 ? weeks * 7 - 6 : shiftDay;
        }
    }

    private LiveShiftBench() {
    }

    public static ShiftBenchFigures run(Request request, Consumer<String> progress) throws JobException {
        long began = System.nanoTime();
        SampleConfig sample = check(request);
        TrafficShift shift = new TrafficShift(request.factor(), request.laneClosure(), request.firstShiftedDay());
        ShiftTimeline timeline = ShiftTimeline.ofDays(START, request.firstShiftedDay(), request.daysBefore(), request.updateAfterDays(),
                sample.days());
        ScratchFolder scratch = null;
        try {
            Path folder;
            if (request.workdir().isPresent()) {
                folder = Files.createDirectories(request.workdir().get());
            } else {
                scratch = new ScratchFolder("flowcast-bench-shift");
                folder = scratch.path();
            }
            ShiftScenario.Prepared prepared = ShiftScenario.prepare(sample, shift, timeline, request.models(), request.training(), folder,
                    progress);
            List<ShiftBenchFigures.Realised> realised = new ArrayList<>();
            List<ShiftBenchFigures.Update> updates = new ArrayList<>();
            List<ShiftBenchFigures.Coverage> coverage = new ArrayList<>();
            List<ShiftBenchFigures.Replay> replays = new ArrayList<>();
            for (ShiftVariant variant : ShiftVariant.values()) {
                ShiftReplay.Replayed replayed = new ShiftReplay(variant, prepared, request.training(),
                        Duration.ofDays(request.fineTuneDays()), progress).run(timeline, folder.resolve(variant.label().replace(' ', '-')));
                replays.add(new ShiftBenchFigures.Replay(variant.label(), replayed.seconds(), replayed.steps()));
                for (ShiftReplay.Update u : replayed.updates()) {
                    updates.add(new ShiftBenchFigures.Update(variant.label(), u.model(), u.seconds(), u.swapped(), u.parentMae(),
                            u.newMae(), u.data().from(), u.data().to()));
                }
                try (Workspace workspace = Workspace.open(replayed.database().toString())) {
                    ShiftAccuracy accuracy = new ShiftAccuracy(workspace, prepared.corridor().name(), timeline.periods());
                    for (ShiftScenario.Trained t : prepared.trained()) {
                        realised.addAll(accuracy.realised(variant.label(), t.model()));
                        if (variant == ShiftVariant.NEVER) {
                            coverage.addAll(accuracy.coverage(t.model(), t.file(), progress));
                        }
                    }
                }
            }
            List<ShiftBenchFigures.Training> training = prepared.trained().stream().map(t -> new ShiftBenchFigures.Training(t.model(),
                    t.seconds(), t.data().from(), t.data().to())).toList();
            ShiftBenchFigures.Setup setup = new ShiftBenchFigures.Setup(shift.label(), request.stations(), request.weeks(), request.seed(),
                    request.training().horizon(), request.training().epochs(), prepared.corridor().name(), prepared.historyDays(),
                    prepared.feed().size(), timeline, request.fineTuneDays());
            return new ShiftBenchFigures(setup, training, realised, updates, coverage, replays, (System.nanoTime() - began) / 1e9);
        } catch (IOException e) {
            throw new JobException("the shift bench could not write its folder: " + e.getMessage(), e);
        } finally {
            if (scratch != null) {
                scratch.close();
            }
        }
    }

    /** Refuses, as a usage error and before anything is written, a request that cannot be measured; returns the sample. */
    static SampleConfig check(Request request) throws JobException {
        request.training().checkModels(request.models());
        if (request.models().isEmpty() || new HashSet<>(request.models()).size() != request.models().size()) {
            throw JobException.usage("give one or more models, each once, was " + request.models());
        }
        SampleConfig sample;
        try {
            sample = new SampleConfig(request.stations(), request.weeks(), request.seed(), START);
            new SampleCorridor(sample, new TrafficShift(request.factor(), request.laneClosure(), request.firstShiftedDay()));
        } catch (IllegalArgumentException e) {
            throw JobException.usage(e.getMessage());
        }
        if (request.daysBefore() < 1 || request.updateAfterDays() < 1) {
            throw JobException.usage("the replay needs at least a day before the shift and the update at least a day after it: "
                    + "--days-before " + request.daysBefore() + ", --update-after " + request.updateAfterDays());
        }
        int history = request.firstShiftedDay() - request.daysBefore() - 1;
        if (history < MINIMUM_HISTORY_DAYS) {
            throw JobException.usage("the models are trained on the " + Math.max(0, history) + " days before the replay; they need "
                    + MINIMUM_HISTORY_DAYS + " or more: shift later, replay fewer days before it, or give more --weeks");
        }
        if (request.firstShiftedDay() + request.updateAfterDays() > sample.days()) {
            throw JobException.usage("the update after day " + (request.firstShiftedDay() + request.updateAfterDays() - 1)
                    + " leaves no day of the sample's " + sample.days() + " to replay after it: update sooner, or give more --weeks");
        }
        if (request.fineTuneDays() < MINIMUM_FINE_TUNE_DAYS) {
            throw JobException.usage("a fine-tune reads a week and an hour before each window and holds back the newest day: "
                    + "--fine-tune-days must be " + MINIMUM_FINE_TUNE_DAYS + " or more, was " + request.fineTuneDays());
        }
        if (request.workdir().isPresent() && Files.isDirectory(request.workdir().get()) && !isEmpty(request.workdir().get())) {
            throw JobException.usage(request.workdir().get() + " is not empty; give a new or empty folder to --workdir");
        }
        return sample;
    }

    private static boolean isEmpty(Path folder) throws JobException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            throw new JobException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
