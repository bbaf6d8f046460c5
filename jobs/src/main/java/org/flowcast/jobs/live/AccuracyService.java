package org.flowcast.jobs.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcast.core.AccuracyRow;
import org.flowcast.core.PemsTime;
import org.flowcast.core.TimeRange;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.store.LiveRun;
import org.flowcast.store.LiveRuns;
import org.flowcast.store.StoreException;

/**
 * The realised accuracy of live forecasts ({@code flowcast accuracy}): for each corridor and model, MAE, RMSE, MAPE and
 * interval coverage over the last hour, day and week of target times (ending at the newest scored target), per step and
 * over all steps; or over one window from a given time.
 */
public final class AccuracyService {
    /** The windows reported, by name. */
    public static final Map<String, Duration> WINDOWS = windows();

    /** One corridor's model over one window: per step and, as step 0, over all steps. */
    public record Window(String name, Instant from, Instant to, List<AccuracyRow> byStep, AccuracyRow overall) {
    }

    /** A corridor's model and its windows. */
    public record CorridorAccuracy(String corridor, String model, List<Window> windows) {
    }

    private AccuracyService() {
    }

    private static Map<String, Duration> windows() {
        Map<String, Duration> windows = new LinkedHashMap<>();
        windows.put("hour", Duration.ofHours(1));
        windows.put("day", Duration.ofDays(1));
        windows.put("week", Duration.ofDays(7));
        return windows;
    }

    /**
     * The realised accuracy of every live corridor and model (of one corridor where {@code corridor} is not null): the
     * last hour, day and week, or the one window from {@code since} where given.
     */
    public static List<CorridorAccuracy> report(Workspace workspace, String corridor, Optional<Instant> since) throws JobException {
        try {
            LiveRuns runs = new LiveRuns(workspace.database());
            // the newest step a live run committed scored the targets of that time: no scan of every score for it
            Optional<Instant> newestStep = runs.all().stream().filter(r -> corridor == null || r.corridor().equals(corridor))
                    .map(LiveRun::processedThrough).flatMap(Optional::stream).max(Instant::compareTo);
            if (newestStep.isEmpty()) {
                return List.of();
            }
            Instant newest = newestStep.get().plusSeconds(1);
            Map<String, TimeRange> windows = new LinkedHashMap<>();
            if (since.isPresent()) {
                windows.put("since " + PemsTime.format(since.get()), new TimeRange(since.get(), newest));
            } else {
                WINDOWS.forEach((name, length) -> windows.put(name, new TimeRange(newest.minus(length), newest)));
            }
            Map<String, CorridorAccuracy> out = new LinkedHashMap<>();
            for (Map.Entry<String, TimeRange> w : windows.entrySet()) {
                Map<String, List<AccuracyRow>> byRun = new LinkedHashMap<>();
                for (AccuracyRow row : runs.accuracy(corridor, w.getValue())) {
                    byRun.computeIfAbsent(row.corridor() + "|" + row.model(), k -> new ArrayList<>()).add(row);
                }
                for (Map.Entry<String, List<AccuracyRow>> e : byRun.entrySet()) {
                    AccuracyRow first = e.getValue().get(0);
                    out.computeIfAbsent(e.getKey(), k -> new CorridorAccuracy(first.corridor(), first.model(), new ArrayList<>()))
                            .windows().add(new Window(w.getKey(), w.getValue().from(), w.getValue().to(), e.getValue(),
                                    overall(e.getValue())));
                }
            }
            return List.copyOf(out.values());
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    /** The steps' rows (of one corridor and model, not empty) pooled, as step 0: sums weighted by what each step scored. */
    public static AccuracyRow overall(List<AccuracyRow> steps) {
        long scored = 0;
        double abs = 0;
        double sq = 0;
        double inside80 = 0;
        double inside95 = 0;
        double width80 = 0;
        double width95 = 0;
        long withInterval = 0;
        double pct = 0;
        long pctScored = 0;
        Instant from = null;
        Instant to = null;
        for (AccuracyRow r : steps) {
            if (r.scored() == 0) {
                continue;
            }
            scored += r.scored();
            abs += r.mae() * r.scored();
            sq += r.rmse() * r.rmse() * r.scored();
            // a step scored without intervals (none issued yet) must not blank the coverage of the steps that had them
            if (!Double.isNaN(r.coverage80())) {
                inside80 += r.coverage80() * r.scored();
                inside95 += r.coverage95() * r.scored();
                width80 += r.width80() * r.scored();
                width95 += r.width95() * r.scored();
                withInterval += r.scored();
            }
            if (!Double.isNaN(r.mape())) {
                pct += r.mape() * r.scored();
                pctScored += r.scored();
            }
            from = from == null || r.from().isBefore(from) ? r.from() : from;
            to = to == null || r.to().isAfter(to) ? r.to() : to;
        }
        double n = scored == 0 ? Double.NaN : scored;
        double w = withInterval == 0 ? Double.NaN : withInterval;
        AccuracyRow first = steps.get(0);
        return new AccuracyRow(first.corridor(), first.model(), 0, -1, scored, abs / n, Math.sqrt(sq / n),
                pctScored == 0 ? Double.NaN : pct / pctScored, inside80 / w, inside95 / w, width80 / w, width95 / w,
                from == null ? Instant.EPOCH : from, to == null ? Instant.EPOCH : to);
    }
}
