package org.flowcast.app.dashboard.viewmodel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flowcast.app.dashboard.data.CorridorData;
import org.flowcast.app.dashboard.data.DashboardReads;
import org.flowcast.app.dashboard.data.LiveAccuracy;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;

/**
 * Reads again what live operation and forecast jobs change, and shows what changed: the corridor's newest reading (the
 * corridor's window is read again only where a newer one came), the runs of its stations, and its live runs' realised
 * accuracy. While following, a newer origin of the shown run (or, without a run, a newer reading) is moved to; otherwise
 * the origin stays at its time. The panels read again only where the corridor, run or origin changed, or where the
 * origin shown had no forecast of the run before and may have one now. One refresh at a time: one asked for while
 * another is reading is left out, and one whose corridor was left while it read is dropped.
 */
final class DashboardRefresh {
    private final DashboardSelection selection;
    private final DashboardReads source;
    private final TaskExecutor executor;
    private final Supplier<String> corridorChoice;
    private final int days;
    private final OriginFollowing following;
    private final Runnable panelsRead;
    private final Consumer<List<LiveAccuracy>> accuracy;
    private boolean reading;

    /**
     * @param corridorChoice the corridor as asked of {@link DashboardReads#corridor}
     * @param panelsRead     reads and shows every panel of the selection again
     * @param accuracy       shows the corridor's live accuracy
     * A refresh that fails says so in the status line and leaves what is shown.
     */
    DashboardRefresh(DashboardSelection selection, DashboardReads source, TaskExecutor executor, Supplier<String> corridorChoice,
                     int days, OriginFollowing following, Runnable panelsRead, Consumer<List<LiveAccuracy>> accuracy) {
        this.selection = selection;
        this.source = source;
        this.executor = executor;
        this.corridorChoice = corridorChoice;
        this.days = days;
        this.following = following;
        this.panelsRead = panelsRead;
        this.accuracy = accuracy;
    }

    /** What a refresh read: the corridor's window where newer readings came, the runs of its stations, its live accuracy. */
    private record Fresh(Optional<CorridorData> corridor, List<RunChoice> runs, List<LiveAccuracy> accuracy) {
    }

    /** Reads the corridor shown again; does nothing where none is shown or a refresh is reading. */
    void run() {
        CorridorData shown = selection.corridor();
        if (reading || shown == null) {
            return;
        }
        reading = true;
        List<Integer> ids = shown.series().stations().stream().map(Station::id).toList();
        Instant loadedEnd = shown.series().end();
        String choice = corridorChoice.get();
        executor.execute(() -> {
            Optional<Instant> newest = source.newestReading(ids);
            Optional<CorridorData> corridor = newest.isPresent() && !newest.get().isBefore(loadedEnd)
                    ? source.corridor(choice, days) : Optional.empty();
            return new Fresh(corridor, source.runsFor(shown.corridor(), ids), source.liveAccuracy(shown.corridor()));
        }, fresh -> {
            reading = false;
            if (selection.corridor() == shown) {
                show(shown, fresh);
            }
        }, e -> {
            reading = false;
            selection.reportStatus("Could not read the newest data: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        });
    }

    private void show(CorridorData shown, Fresh fresh) {
        List<RunChoice> runs = RunOrder.ordered(fresh.runs());
        RunChoice before = selection.selectedRunProperty().get();
        RunChoice run = RunOrder.afterRefresh(before, selection.runs(), runs, following.isOn());
        CorridorData corridor = fresh.corridor().filter(c -> c.corridor().equals(shown.corridor())).orElse(shown);
        boolean newReadings = corridor != shown;
        SensorSeries series = corridor.series();
        Instant shownOrigin = selection.originTime();
        boolean arrived = run == null ? newReadings
                : before == null || run.id() != before.id() || run.newestOrigin().isAfter(before.newestOrigin());
        int origin = following.isOn() && arrived ? StartingPoint.newestOrigin(series, run) : StartingPoint.indexOf(series, shownOrigin);
        int station = series.stationIndex(selection.selectedStationProperty().get()) >= 0 ? selection.selectedStationProperty().get()
                : StartingPoint.busiestStation(series);
        boolean runSwitched = before == null ? run != null : run == null || run.id() != before.id();
        // the origin shown lay past the run's newest origin, whose forecast may have come since
        boolean forecastCame = !runSwitched && run != null && shownOrigin.isAfter(before.newestOrigin())
                && !shownOrigin.isAfter(run.newestOrigin());
        boolean panelsChange = newReadings || runSwitched || forecastCame || !series.timeAt(origin).equals(shownOrigin)
                || station != selection.selectedStationProperty().get();
        if (panelsChange || !runs.equals(selection.runs()) || !Objects.equals(run, before)) {
            following.move(() -> selection.settle(corridor, runs, run, origin, station));
        }
        accuracy.accept(fresh.accuracy());
        if (panelsChange) {
            panelsRead.run();
        }
    }
}
