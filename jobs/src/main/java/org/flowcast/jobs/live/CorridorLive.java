package org.flowcast.jobs.live;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcast.core.Channel;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.Corridor;
import org.flowcast.core.Forecast;
import org.flowcast.core.Forecaster;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
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

    private final Corridor corridor;
    private final Path modelFile;
    private final Forecaster forecaster;
    private final LiveRuns runs;
    private final SeriesQuery query;
    private LiveRun run;
    private AdaptiveIntervals intervals;
    /** The forecasts of the newest origins, with the half-widths issued with them, for scoring as their targets come. */
    private final Map<Instant, StoredOrigin> recent = new LinkedHashMap<>();

    CorridorLive(Corridor corridor, Path modelFile, Forecaster forecaster, LiveRuns runs, SeriesQuery query, double gamma,
                 Optional<Instant> startAfter) throws StoreException {
        this.corridor = corridor;
        this.modelFile = modelFile;
        this.forecaster = forecaster;
        this.runs = runs;
        this.query = query;
        this.run = runs.open(corridor.name(), forecaster.modelName(), modelFile.toAbsolutePath().toString(), forecaster.horizonSteps(),
                forecaster.stationIds(), startAfter);
        this.intervals = run.intervalState().isPresent()
                ? AdaptiveIntervals.resume(run.intervalState().get(), forecaster.calibration(), forecaster.horizonSteps(), gamma)
                : AdaptiveIntervals.start(forecaster.calibration(), forecaster.horizonSteps(), gamma);
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

    List<Integer> stationIds() {
        return forecaster.stationIds();
    }

    /** The newest step whose work is committed; empty before the first. */
    Optional<Instant> processedThrough() {
        return run.processedThrough();
    }

    /** What one step did: how many stored forecasts it scored, and whether it forecast. */
    record Done(int scored, boolean forecast) {
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
            float[] values = new float[observed.length];
            for (int s = 0; s < values.length; s++) {
                values[s] = stored.get().value(s, h, horizon);
            }
            double half80 = stored.get().halfWidth(0, h, horizon);
            double half95 = stored.get().halfWidth(1, h, horizon);
            OriginScore score = StepScore.of(origin, h, t, values, observed, half80, half95);
            scores.add(score);
            intervals.observe(h, values, observed, half80, half95);
        }
        List<ConformalIntervals> issued = asStored(intervals.current());
        Optional<Forecast> forecast = Optional.empty();
        if (hasObservedInput(history, last)) {
            Forecast f = forecaster.predictAll(history, List.of(t)).get(0);
            ForecastChecks.requireSound(f, modelFile);
            forecast = Optional.of(ConformalIntervals.around(f, issued));
        }
        runs.commit(run, new LiveStep(run.runId(), t, scores, intervals.toBytes(), forecast, issued));
        run = new LiveRun(run.runId(), run.corridor(), run.model(), run.modelFile(), run.horizon(), run.stationIds(),
                Optional.of(intervals.toBytes()), Optional.of(t));
        forecast.ifPresent(f -> remember(f, issued));
        return new Done(scores.size(), forecast.isPresent());
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

    private static float[] observedAt(SensorSeries history, int t) {
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
