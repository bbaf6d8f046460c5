package org.flowcast.jobs.export;
import java.util.List;
import java.util.Optional;
import org.flowcast.core.PemsTime;
import org.flowcast.jobs.JobException;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastRun;
import org.flowcast.store.ForecastRuns;
import org.flowcast.store.LiveRun;
import org.flowcast.store.LiveRuns;
import org.flowcast.store.StoreException;

/** Finds what an export asks for before anything is written, and says what it is, or what there is instead. */
final class ExportSources {
    private ExportSources() {
    }

    /** A description of the request's rows; fails naming what exists where the run or live corridor asked for does not. */
    static String describe(FlowcastDatabase database, ExportRequest request) throws JobException {
        try {
            return switch (request.table()) {
                case RUN -> describeRun(database, request.runId().orElseThrow());
                case LATEST -> describeLatest(database, request.corridor());
                case ACCURACY -> "realised accuracy" + request.corridor().map(c -> " of " + c).orElse("")
                        + request.since().map(t -> " of targets from " + PemsTime.format(t)).orElse("");
            };
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    private static String describeRun(FlowcastDatabase database, long runId) throws StoreException, JobException {
        List<ForecastRun> runs = new ForecastRuns(database).runs();
        Optional<ForecastRun> run = runs.stream().filter(r -> r.id() == runId).findFirst();
        if (run.isEmpty()) {
            throw new JobException("there is no forecast run " + runId + "; " + (runs.isEmpty() ? "the database holds none"
                    : "the runs are " + String.join(", ", runs.stream().map(r -> String.valueOf(r.id())).toList()))
                    + " ('flowcast runs' lists them)");
        }
        return "the forecasts of run " + runId + " (" + run.get().model() + (run.get().corridor().isEmpty() ? "" : ", "
                + run.get().corridor()) + ")";
    }

    private static String describeLatest(FlowcastDatabase database, Optional<String> corridor) throws StoreException, JobException {
        List<String> live = new LiveRuns(database).all().stream().map(LiveRun::corridor).distinct().toList();
        if (live.isEmpty()) {
            throw new JobException("no corridor has a live run yet: 'flowcast watch' keeps each corridor's newest forecasts; "
                    + "export a stored run with --run ID ('flowcast runs' lists them)");
        }
        if (corridor.isPresent() && !live.contains(corridor.get())) {
            throw new JobException("the corridor '" + corridor.get() + "' has no live run; the live corridors are "
                    + String.join(", ", live));
        }
        return "the newest live forecasts of " + corridor.orElse("every live corridor");
    }
}
