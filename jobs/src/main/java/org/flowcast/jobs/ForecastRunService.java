package org.flowcast.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flowcast.store.DeletedRun;
import org.flowcast.store.LiveRuns;
import org.flowcast.store.RunCatalog;
import org.flowcast.store.RunSummary;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoreException;

/**
 * The stored forecast runs as an operator manages them ({@code flowcast runs}): listing them, applying live operation's
 * retention now, and deleting runs with everything of them.
 */
public final class ForecastRunService {
    /**
     * A stored run: its model and corridor (empty where none), whether it is a corridor's live run, its horizon in steps, its
     * stations, the origins it holds now and the first and last of them (empty for a run of none), and when it was made.
     */
    public record Entry(long id, String model, String corridor, boolean live, int horizon, int stations, int origins,
                        Optional<Instant> firstOrigin, Optional<Instant> lastOrigin, Instant createdAt) {
    }

    /** What a deletion removed of a run: its origin rows (per-station rows of older runs included), scores and the rest. */
    public record Deletion(Entry run, long forecastRows, long scoreRows, long otherRows) {
    }

    /** What retention deleted, measured back from the newest stored reading of the live runs' stations (empty: none). */
    public record Retention(Optional<Instant> newestData, long origins, long scores) {
    }

    private ForecastRunService() {
    }

    /** Every stored run, by corridor (runs of none last) and id. */
    public static List<Entry> list(Workspace workspace) throws JobException {
        try {
            return new RunCatalog(workspace.database()).summaries().stream().map(ForecastRunService::entry)
                    .sorted(Comparator.comparing((Entry e) -> e.corridor().isEmpty()).thenComparing(Entry::corridor)
                            .thenComparingLong(Entry::id))
                    .toList();
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    private static Entry entry(RunSummary s) {
        return new Entry(s.run().id(), s.run().model(), s.run().corridor(), s.live(), s.run().horizon(), s.run().stations(), s.origins(),
                s.firstOrigin(), s.lastOrigin(), s.run().createdAt());
    }

    /** Checks retention periods before any data is read: each must be positive. */
    /** The least retention of origins: the adaptive intervals' two-day window and its targets, rounded up to days. */
    static final Duration MINIMUM_ORIGINS = Duration.ofDays(3);
    /** The least retention of realised accuracy: its longest window, a week. */
    static final Duration MINIMUM_SCORES = Duration.ofDays(7);

    /** Refuses a live retention that is not positive, or too short for what live operation reads back. */
    public static void checkRetention(Duration keepOrigins, Duration keepScores) throws JobException {
        if (keepOrigins.isNegative() || keepOrigins.isZero() || keepScores.isNegative() || keepScores.isZero()) {
            throw JobException.usage("--keep-origins and --keep-scores take a positive duration, e.g. 14d or 36h");
        }
        if (keepOrigins.compareTo(MINIMUM_ORIGINS) < 0) {
            throw JobException.usage("--keep-origins must be at least 3d: a restarted watcher rebuilds its adaptive intervals "
                    + "from the last two days of origins and their 2-hour targets; was " + keepOrigins.toHours() + "h");
        }
        if (keepScores.compareTo(MINIMUM_SCORES) < 0) {
            throw JobException.usage("--keep-scores must be at least 7d: realised accuracy is read over the last week; was "
                    + keepScores.toHours() + "h");
        }
    }

    /**
     * Applies live retention now, as {@code flowcast watch} does: deletes live runs' origins older than {@code keepOrigins}
     * and realised-accuracy rows of targets older than {@code keepScores}, both counted back from the newest reading
     * stored for the live runs' stations (data time, so that a replay of old data keeps what a live feed would).
     */
    public static Retention prune(Workspace workspace, Duration keepOrigins, Duration keepScores) throws JobException {
        checkRetention(keepOrigins, keepScores);
        try {
            LiveRuns live = new LiveRuns(workspace.database());
            List<Integer> stations = live.all().stream().flatMap(r -> r.stationIds().stream()).distinct().toList();
            Optional<Instant> newest = stations.isEmpty() ? Optional.empty()
                    : new SeriesQuery(workspace.database()).newestReading(stations);
            if (newest.isEmpty()) {
                return new Retention(Optional.empty(), 0, 0);
            }
            LiveRuns.Pruned pruned = live.prune(newest.get().minus(keepOrigins), newest.get().minus(keepScores));
            return new Retention(newest, pruned.origins(), pruned.scores());
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    /**
     * Deletes the runs of the given ids and everything of them (origin and per-station rows, attention, intervals, scores,
     * newest-forecast rows, the live row) in one transaction; fails, deleting nothing, where an id names no run, naming the
     * runs there are. A watcher holds an H2 database, so a live run cannot be deleted under it there; on PostgreSQL, stop
     * the watcher first, or it goes on writing steps of the deleted run.
     */
    public static List<Deletion> delete(Workspace workspace, List<Long> ids) throws JobException {
        try {
            RunCatalog catalog = new RunCatalog(workspace.database());
            List<RunSummary> runs = catalog.summaries();
            Set<Long> known = new LinkedHashSet<>(runs.stream().map(r -> r.run().id()).toList());
            List<Long> unknown = ids.stream().filter(id -> !known.contains(id)).distinct().toList();
            if (!unknown.isEmpty()) {
                throw new JobException("there is no forecast run " + String.join(", ", unknown.stream().map(String::valueOf).toList())
                        + "; " + (known.isEmpty() ? "the database holds none" : "the runs are " + String.join(", ",
                        known.stream().map(String::valueOf).toList())) + " ('flowcast runs' lists them); nothing was deleted");
            }
            return catalog.delete(List.copyOf(new LinkedHashSet<>(ids))).stream().map(ForecastRunService::deletion).toList();
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    private static Deletion deletion(DeletedRun d) {
        Entry run = new Entry(d.run().id(), d.run().model(), d.run().corridor(), d.live(), d.run().horizon(), d.run().stations(),
                d.run().origins(), Optional.empty(), Optional.empty(), d.run().createdAt());
        return new Deletion(run, d.originRows() + d.stationRows(), d.scoreRows(), d.attentionRows() + d.intervalRows() + d.latestRows()
                + (d.live() ? 1 : 0) + 1);
    }
}
