package org.flowcast.jobs.live;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.flowcast.core.AdaptiveIntervalSettings;
import org.flowcast.core.AdaptiveIntervals;
import org.flowcast.core.Channel;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Corridor;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastCheck;
import org.flowcast.core.Forecaster;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.jobs.FineTuneService;
import org.flowcast.jobs.ForecastChecks;
import org.flowcast.jobs.JobException;
import org.flowcast.store.LiveRun;
import org.flowcast.store.LiveRuns;
import org.flowcast.store.LiveStep;
import org.flowcast.store.OriginScore;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoreException;
import org.flowcast.store.StoredOrigin;

/**
 * One corridor's model in live operation: for each new 5-minute step, in time order, it scores the stored forecasts whose
 * targets the step observed (each step h of the origin h steps before), updates the adaptive intervals with those scores
 * only, forecasts from the step as origin with the intervals now in force, and commits all of it as one
 * ({@link LiveStep}). The newest origins' forecasts are kept in memory for scoring; after a restart they are read back.
 */
final class CorridorLive {
    private static final long STEP_SECONDS = 300;
    private static final int DAY_STEPS = 288;

    private final Corridor corridor;
    private final Path modelFile;
    private final Forecaster forecaster;
    private final LiveRuns runs;
    private final SeriesQuery query;
    private LiveRun run;
    private final Optional<AdaptiveIntervals> intervals;
    /** The forecasts of the newest origins, with the half-widths issued with them, for scoring as their targets come. */
    private final Map<Instant, StoredOrigin> recent = new LinkedHashMap<>();

    CorridorLive(Corridor corridor, Path modelFile, Forecaster forecaster, LiveRuns runs, SeriesQuery query,
            AdaptiveIntervalSettings settings,
                 Optional<Instant> startAfter, Consumer<String> notes) throws StoreException {
        this.corridor = corridor;
        this.modelFile = modelFile;
        this.forecaster = forecaster;
        this.runs = runs;
        this.query = query;
        this.run = runs.open(corridor.name(), forecaster.modelName(), modelFile.toAbsolutePath().toString(), forecaster.horizonSteps(),
                forecaster.stationIds(), startAfter);
        this.intervals = intervalsFor(settings, notes);
        if (Double.isNaN(run.referenceMae()) && startAfter.isPresent() && run.processedThrough().equals(startAfter)) {
            double reference = referenceMae(startAfter.get());
            runs.setReference(run.runId(), reference);
            run = run.withReference(reference);
        }
    }

    /**
     * The model's MAE on the day before live operation began: the error its realised error is held to (its test part's,
     * where {@code flowcast train} fitted it on the same data). NaN where that day holds no observed flow.
     */
    private double referenceMae(Instant through) throws StoreException {
        int reads = forecaster.historySteps() - 1 + forecaster.warmUpSteps();
        int horizon = forecaster.horizonSteps();
        Instant dayBefore = through.minusSeconds(STEP_SECONDS * (DAY_STEPS - 1));
        SensorSeries history = query.stations(forecaster.stationIds(),
                new TimeRange(dayBefore.minusSeconds(STEP_SECONDS * (reads + horizon)), through.plusSeconds(STEP_SECONDS)));
        List<Instant> origins = new ArrayList<>();
        for (int t = Math.max(forecaster.historySteps() - 1, history.indexOf(dayBefore.minusSeconds(STEP_SECONDS * horizon)));
             t >= 0 && t + horizon < history.length(); t++) {
            origins.add(history.timeAt(t));
        }
        return origins.isEmpty() ? Double.NaN : FineTuneService.heldBackMae(forecaster, history, origins);
    }

    /** The first origin of the model in use, where a fine-tuned one was swapped in; empty where the first model still runs. */
    Optional<Instant> modelSince() {
        return run.modelSince();
    }

    /** The model's MAE before live operation, that its realised error is held to; NaN where unknown. */
    double referenceMae() {
        return run.referenceMae();
    }

    long runId() {
        return run.runId();
    }

    /**
     * The adaptive intervals of the run: its kept state with its windows rebuilt from the stored forecasts and flows, or a
     * new state from the model's calibration (for a new run, a model swapped in, or a state that cannot be read); none
     * for a model without a calibration.
     */
    private Optional<AdaptiveIntervals> intervalsFor(AdaptiveIntervalSettings settings, Consumer<String> notes) throws StoreException {
        if (forecaster.calibration().isEmpty()) {
            return Optional.empty();
        }
        if (run.intervalState().isPresent() && run.processedThrough().isPresent()) {
            try {
                AdaptiveIntervals kept = AdaptiveIntervals.fromBytes(run.intervalState().get());
                if (sameCalibration(kept.calibration(), forecaster.calibration())
                        && kept.stationCount() == forecaster.stationIds().size()) {
                    return Optional.of(restored(run.intervalState().get(), run.processedThrough().get()));
                }
                notes.accept(corridor.name() + " " + forecaster.modelName() + ": a new model file; its intervals start again from "
                        + "its calibration");
            } catch (IllegalArgumentException e) {
                notes.accept(corridor.name() + " " + forecaster.modelName() + ": the kept interval state cannot be read (" + e.getMessage()
                        + "); the intervals start again from the model's calibration");
            }
        }
        return Optional.of(AdaptiveIntervals.start(forecaster.calibration(), forecaster.stationIds().size(), settings));
    }

    private static boolean sameCalibration(List<ConformalIntervals> a, List<ConformalIntervals> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).level() != b.get(i).level() || !Arrays.equals(a.get(i).halfWidth(), b.get(i).halfWidth())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Puts back each step's window of scores, which the store does not keep as such: the scores of the stored forecasts
     * against the flows of their targets, target by target as they were observed. A window counts scores, not origins
     * (a missing flow gives none), so it is read back until every step's window is full, the stored origins run out, or
     * the origins reach the model's first: exactly the scores an uninterrupted watcher holds.
     */
    private AdaptiveIntervals restored(byte[] kept, Instant through) throws StoreException {
        int horizon = forecaster.horizonSteps();
        for (long span = AdaptiveIntervals.fromBytes(kept).settings().windowOrigins() + horizon; ; span *= 2) {
            AdaptiveIntervals state = AdaptiveIntervals.fromBytes(kept);
            Instant from = through.minusSeconds(STEP_SECONDS * span);
            boolean reachedStart = run.modelSince().isPresent() && !from.isAfter(run.modelSince().get().minusSeconds(STEP_SECONDS));
            if (reachedStart) {
                from = run.modelSince().get().minusSeconds(STEP_SECONDS);
            }
            SortedMap<Instant, StoredOrigin> stored = runs.origins(run.runId(), new TimeRange(from, through));
            if (stored.isEmpty()) {
                return state;
            }
            SensorSeries flows = query.stations(forecaster.stationIds(), new TimeRange(from, through.plusSeconds(STEP_SECONDS)));
            for (Instant t = from.plusSeconds(STEP_SECONDS); !t.isAfter(through); t = t.plusSeconds(STEP_SECONDS)) {
                float[] observed = observedAt(flows, flows.indexOf(t));
                for (int h = 1; h <= horizon; h++) {
                    Instant originTime = t.minusSeconds(STEP_SECONDS * h);
                    StoredOrigin origin = stored.get(originTime);
                    if (origin != null && ownOrigin(originTime)) {
                        state.restoreScores(h, valuesAt(origin, h, observed.length), observed);
                    }
                }
            }
            boolean full = true;
            for (int h = 1; h <= horizon; h++) {
                full &= state.windowFull(h);
            }
            if (full || reachedStart || stored.firstKey().isAfter(from.plusSeconds(STEP_SECONDS))) {
                for (StoredOrigin origin : stored.tailMap(through.minusSeconds(STEP_SECONDS * horizon)).values()) {
                    recent.put(origin.origin(), origin);
                }
                return state;
            }
        }
    }

    /** Whether the model in use forecast from this origin (not the one a fine-tuned model replaced). */
    private boolean ownOrigin(Instant origin) {
        return run.modelSince().isEmpty() || !origin.isBefore(run.modelSince().get());
    }

    private float[] valuesAt(StoredOrigin origin, int step, int stations) {
        float[] values = new float[stations];
        for (int s = 0; s < stations; s++) {
            values[s] = origin.value(s, step, forecaster.horizonSteps());
        }
        return values;
    }

    String corridor() {
        return corridor.name();
    }

    String model() {
        return forecaster.modelName();
    }

    Path modelFile() {
        return modelFile;
    }

    int horizon() {
        return forecaster.horizonSteps();
    }

    Corridor definition() {
        return corridor;
    }

    List<Integer> stationIds() {
        return forecaster.stationIds();
    }

    /** The newest step whose work is committed; empty before the first. */
    Optional<Instant> processedThrough() {
        return run.processedThrough();
    }

    /** What one step did: how many stored forecasts it scored, whether it forecast, and why a forecast was refused. */
    record Done(int scored, boolean forecast, Optional<String> refused) {
    }

    /** Does step {@code t}'s work and commits it. */
    Done process(Instant t) throws StoreException, JobException {
        int horizon = forecaster.horizonSteps();
        int reads = forecaster.historySteps() - 1 + forecaster.warmUpSteps();
        SensorSeries history = query.stations(forecaster.stationIds(),
                new TimeRange(t.minusSeconds(STEP_SECONDS * reads), t.plusSeconds(STEP_SECONDS)));
        int last = history.indexOf(t);
        float[] observed = observedAt(history, last);
        List<OriginScore> scores = new ArrayList<>();
        for (int h = 1; h <= horizon; h++) {
            Instant origin = t.minusSeconds(STEP_SECONDS * h);
            Optional<StoredOrigin> stored = forecastFrom(origin);
            if (stored.isEmpty()) {
                continue;
            }
            float[] values = valuesAt(stored.get(), h, observed.length);
            double half80 = stored.get().halfWidth(0, h, horizon);
            double half95 = stored.get().halfWidth(1, h, horizon);
            scores.add(StepScore.of(origin, h, t, values, observed, half80, half95));
            if (intervals.isPresent() && stored.get().halfWidths().length > 0 && ownOrigin(origin)) {
                intervals.get().observe(h, values, observed, IssuedBands.of(stored.get(), horizon));
            }
        }
        List<ConformalIntervals> issued = asStored(intervals.map(AdaptiveIntervals::current).orElse(forecaster.calibration()));
        Optional<Forecast> forecast = Optional.empty();
        Optional<String> refused = Optional.empty();
        if (hasObservedInput(history, last)) {
            Forecast f = forecaster.predictAll(history, List.of(t)).get(0);
            try {
                ForecastChecks.requireSound(f, ForecastCheck.of(history.stations()), modelFile);
                forecast = Optional.of(ConformalIntervals.around(f, issued));
            } catch (JobException e) {
                // the step goes on without a forecast from this origin: a refused input must not stop the corridor for good
                refused = Optional.of(e.getMessage());
            }
        }
        byte[] state = intervals.map(AdaptiveIntervals::toBytesWithoutScores).orElse(new byte[0]);
        runs.commit(run, new LiveStep(run.runId(), t, scores, state, forecast, issued));
        run = run.afterStep(state, t);
        forecast.ifPresent(f -> remember(f, issued));
        return new Done(scores.size(), forecast.isPresent(), refused);
    }

    /**
     * Half-widths as the store keeps them (float32), so that the bounds issued now are the bounds a restarted watcher
     * (and every reader) rebuilds from the stored origin.
     */
    private static List<ConformalIntervals> asStored(List<ConformalIntervals> bands) {
        List<ConformalIntervals> stored = new ArrayList<>();
        for (ConformalIntervals band : bands) {
            double[] widths = new double[band.halfWidth().length];
            for (int h = 0; h < widths.length; h++) {
                widths[h] = (float) band.halfWidth()[h];
            }
            stored.add(new ConformalIntervals(band.level(), widths));
        }
        return stored;
    }

    /** Each station's flow at index {@code t} where it was observed, NaN where not (imputed, missing, or before the series). */
    static float[] observedAt(SensorSeries history, int t) {
        float[] observed = new float[history.stationCount()];
        for (int s = 0; s < observed.length; s++) {
            observed[s] = t >= 0 && history.state(t, s, Channel.FLOW) == ValueState.OBSERVED ? history.value(t, s, Channel.FLOW)
                    : Float.NaN;
        }
        return observed;
    }

    /** Whether the model's input window ending at {@code t} holds an observed flow: a forecast needs its history. */
    private boolean hasObservedInput(SensorSeries history, int t) {
        if (t < 0) {
            return false;
        }
        for (int i = Math.max(0, t - forecaster.historySteps() + 1); i <= t; i++) {
            for (int s = 0; s < history.stationCount(); s++) {
                if (history.isObserved(i, s, Channel.FLOW)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Optional<StoredOrigin> forecastFrom(Instant origin) throws StoreException {
        StoredOrigin held = recent.get(origin);
        if (held != null) {
            return Optional.of(held);
        }
        if (run.processedThrough().isEmpty() || origin.isAfter(run.processedThrough().get())) {
            return Optional.empty();
        }
        return runs.origin(run.runId(), origin);
    }

    private void remember(Forecast f, List<ConformalIntervals> issued) {
        int horizon = f.horizonSteps();
        float[] flows = new float[f.stationCount() * horizon];
        for (int s = 0; s < f.stationCount(); s++) {
            for (int h = 1; h <= horizon; h++) {
                flows[s * horizon + h - 1] = f.value(h, s);
            }
        }
        float[] widths = new float[issued.size() * horizon];
        for (int l = 0; l < issued.size(); l++) {
            for (int h = 0; h < horizon; h++) {
                widths[l * horizon + h] = (float) issued.get(l).halfWidth()[h];
            }
        }
        recent.put(f.origin(), new StoredOrigin(f.origin(), flows, widths));
        Instant oldest = f.origin().minusSeconds(STEP_SECONDS * horizon);
        recent.keySet().removeIf(origin -> origin.isBefore(oldest));
    }
}
