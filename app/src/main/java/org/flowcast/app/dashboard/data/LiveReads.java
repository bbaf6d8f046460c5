package org.flowcast.app.dashboard.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowcast.core.AccuracyRow;
import org.flowcast.core.TimeRange;
import org.flowcast.jobs.live.AccuracyService;
import org.flowcast.jobs.live.DriftEvidence;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.LiveRun;
import org.flowcast.store.LiveRuns;
import org.flowcast.store.StoreException;

/**
 * What live operation ({@code flowcast watch}) has written, as the dashboard reads it: which runs are live, and each live
 * run's realised accuracy over the last hour and day. Two small queries per corridor: the windows end at the corridor's
 * newest live step, so that only the scores of the last day are read.
 */
final class LiveReads {
    private static final Duration HOUR = AccuracyService.WINDOWS.get("hour");
    private static final Duration DAY = AccuracyService.WINDOWS.get("day");

    private final LiveRuns live;

    LiveReads(FlowcastDatabase database) {
        this.live = new LiveRuns(database);
    }

    /** The ids of the live runs. */
    Set<Long> runIds() throws StoreException {
        return live.all().stream().map(LiveRun::runId).collect(Collectors.toSet());
    }

    /** The realised accuracy of every live run of a corridor, or of every corridor where {@code corridor} is null. */
    List<LiveAccuracy> accuracy(String corridor) throws StoreException {
        Map<String, List<LiveRun>> byCorridor = new LinkedHashMap<>();
        for (LiveRun run : live.all()) {
            if (corridor == null || run.corridor().equals(corridor)) {
                byCorridor.computeIfAbsent(run.corridor(), k -> new ArrayList<>()).add(run);
            }
        }
        List<LiveAccuracy> out = new ArrayList<>();
        for (Map.Entry<String, List<LiveRun>> e : byCorridor.entrySet()) {
            Optional<Instant> newest = e.getValue().stream().map(LiveRun::processedThrough).flatMap(Optional::stream)
                    .max(Comparator.naturalOrder());
            List<AccuracyRow> hour = newest.isEmpty() ? List.of() : live.accuracy(e.getKey(), endingAt(newest.get(), HOUR));
            List<AccuracyRow> day = newest.isEmpty() ? List.of() : live.accuracy(e.getKey(), endingAt(newest.get(), DAY));
            for (LiveRun run : e.getValue()) {
                Optional<AccuracyRow> dayOfModel = pooled(day, run.model());
                boolean dayWhole = dayOfModel.isPresent()
                        && DriftEvidence.coversWindow(dayOfModel.get().from(), endingAt(newest.get(), DAY).from());
                out.add(new LiveAccuracy(run.runId(), run.corridor(), run.model(), run.referenceMae(), run.processedThrough(),
                        realised(pooled(hour, run.model())), realised(dayOfModel),
                        DriftEvidence.minimumScored(run.horizon(), run.stationIds().size()), dayWhole));
            }
        }
        return out;
    }

    /** The window of targets of the given length up to and including {@code newest}. */
    private static TimeRange endingAt(Instant newest, Duration length) {
        Instant to = newest.plusSeconds(1);
        return new TimeRange(to.minus(length), to);
    }

    /** A model's rows of a window pooled over its steps; empty where the window holds none of them. */
    private static Optional<AccuracyRow> pooled(List<AccuracyRow> rows, String model) {
        List<AccuracyRow> steps = rows.stream().filter(r -> r.model().equals(model)).toList();
        return steps.isEmpty() ? Optional.empty() : Optional.of(AccuracyService.overall(steps));
    }

    private static LiveAccuracy.Realised realised(Optional<AccuracyRow> pooled) {
        return pooled.filter(all -> all.scored() > 0).map(all -> new LiveAccuracy.Realised(all.scored(), all.mae(), all.coverage80(),
                all.coverage95())).orElse(LiveAccuracy.Realised.NONE);
    }
}
