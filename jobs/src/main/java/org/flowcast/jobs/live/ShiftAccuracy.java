package org.flowcast.jobs.live;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.flowcast.core.AccuracyRow;
import org.flowcast.core.Forecaster;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.jobs.ForecastJob;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.store.LiveRun;
import org.flowcast.store.LiveRuns;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoreException;
import org.flowcast.store.StoredOrigin;

/**
 * Reads what a replayed variant's watcher wrote: each model's realised accuracy per period of target times, from the
 * {@code forecast_score} rows as {@code flowcast accuracy} reads them, and the coverage of fixed against adaptive
 * intervals around the forecasts it stored ({@link IntervalCoverage}).
 */
final class ShiftAccuracy {
    private static final long STEP_SECONDS = 300;

    private final Workspace workspace;
    private final String corridor;
    private final Map<String, TimeRange> periods;

    ShiftAccuracy(Workspace workspace, String corridor, Map<String, TimeRange> periods) {
        this.workspace = workspace;
        this.corridor = corridor;
        this.periods = periods;
    }

    /** A model's MAE and RMSE over each period, all steps pooled. */
    List<ShiftBenchFigures.Realised> realised(String variant, String model) throws JobException {
        List<ShiftBenchFigures.Realised> rows = new ArrayList<>();
        try {
            LiveRuns runs = new LiveRuns(workspace.database());
            for (Map.Entry<String, TimeRange> p : periods.entrySet()) {
                List<AccuracyRow> steps = runs.accuracy(corridor, p.getValue()).stream().filter(r -> r.model().equals(model)).toList();
                AccuracyRow all = steps.isEmpty() ? null : AccuracyService.overall(steps);
                rows.add(new ShiftBenchFigures.Realised(variant, model, p.getKey(), p.getValue().from(), p.getValue().to(),
                        all == null ? 0 : all.scored(), all == null ? Double.NaN : all.mae(), all == null ? Double.NaN : all.rmse()));
            }
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
        return rows;
    }

    /**
     * Per period, the coverage of the fixed intervals of {@code modelFile}'s calibration, recomputed around the stored
     * forecasts of the model's live run, and of the adaptive ones the watcher issued with them, as {@code forecast_score}
     * holds it; where recomputing the issued ones gives other counts than the store's, {@code warnings} is told.
     */
    List<ShiftBenchFigures.Coverage> coverage(String model, Path modelFile, Consumer<String> warnings) throws JobException {
        Forecaster forecaster = ForecastJob.load(modelFile);
        List<ShiftBenchFigures.Coverage> rows = new ArrayList<>();
        try {
            LiveRuns runs = new LiveRuns(workspace.database());
            LiveRun run = runs.all().stream().filter(r -> r.corridor().equals(corridor) && r.model().equals(model)).findFirst()
                    .orElseThrow(() -> new JobException("there is no live run of " + corridor + " " + model));
            TimeRange all = span();
            // the origins up to a horizon before the first period have targets in it
            SortedMap<Instant, StoredOrigin> origins = runs.origins(run.runId(),
                    new TimeRange(all.from().minusSeconds(STEP_SECONDS * run.horizon()), all.to()));
            SensorSeries flows = new SeriesQuery(workspace.database()).stations(run.stationIds(), all);
            Map<String, IntervalCoverage.Compared> measured = IntervalCoverage.measure(origins, flows, run.horizon(),
                    forecaster.calibration(), periods);
            for (Map.Entry<String, IntervalCoverage.Compared> e : measured.entrySet()) {
                rows.add(row(model, e.getKey(), "fixed", e.getValue().fixed()));
                List<AccuracyRow> steps = runs.accuracy(corridor, periods.get(e.getKey())).stream()
                        .filter(r -> r.model().equals(model)).toList();
                if (steps.isEmpty()) {
                    continue;
                }
                AccuracyRow stored = AccuracyService.overall(steps);
                IntervalCoverage.Tally issued = e.getValue().issued();
                if (stored.scored() != issued.scored() || Math.abs(stored.coverage80() - issued.coverage80()) > 1e-9
                        || Math.abs(stored.coverage95() - issued.coverage95()) > 1e-9) {
                    warnings.accept(String.format(Locale.ROOT, "%s %s: the issued intervals recomputed cover %d values at %.4f / %.4f, "
                            + "forecast_score %d at %.4f / %.4f", model, e.getKey(), issued.scored(), issued.coverage80(),
                            issued.coverage95(), stored.scored(), stored.coverage80(), stored.coverage95()));
                }
                rows.add(new ShiftBenchFigures.Coverage(model, e.getKey(), "adaptive", stored.scored(), stored.coverage80(),
                        stored.coverage95(), stored.width80(), stored.width95()));
            }
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
        return rows;
    }

    private TimeRange span() {
        TimeRange first = periods.values().iterator().next();
        TimeRange last = first;
        for (TimeRange p : periods.values()) {
            first = p.from().isBefore(first.from()) ? p : first;
            last = p.to().isAfter(last.to()) ? p : last;
        }
        return new TimeRange(first.from(), last.to());
    }

    private static ShiftBenchFigures.Coverage row(String model, String period, String intervals, IntervalCoverage.Tally t) {
        return new ShiftBenchFigures.Coverage(model, period, intervals, t.scored(), t.coverage80(), t.coverage95(), t.meanWidth80(),
                t.meanWidth95());
    }
}
