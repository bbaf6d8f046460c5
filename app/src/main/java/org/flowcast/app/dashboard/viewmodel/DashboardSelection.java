package org.flowcast.app.dashboard.viewmodel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowcast.app.dashboard.data.CorridorData;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.core.Channel;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.ValueState;

/**
 * What every panel of the dashboard shows at once: the corridor's readings, the chosen station, forecast
 * run and origin, and the colouring; with the choices that move them. The panels' view-models listen to it.
 * The origins offered ({@link #firstOriginProperty} to {@link #lastOriginProperty}) are the chosen run's within the
 * loaded period, so that every position of the origin slider has a forecast to show; the whole period where there is no
 * run or its origins lie outside it. Choosing another run keeps the origin within its origins.
 */
public final class DashboardSelection {
    static final Duration STEP = SensorSeries.FIVE_MINUTES;

    private CorridorData corridor;
    private boolean settling;
    /** Whether the origin is being kept within the run's origins: a move of the dashboard's own, not the analyst's. */
    private boolean bounding;

    private final ObservableList<RunChoice> runs = FXCollections.observableArrayList();
    private final IntegerProperty selectedStation = new SimpleIntegerProperty(0);
    private final ObjectProperty<RunChoice> selectedRun = new SimpleObjectProperty<>();
    private final IntegerProperty origin = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper firstOrigin = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper lastOrigin = new ReadOnlyIntegerWrapper(0);
    private final ObjectProperty<ColourBy> colourBy = new SimpleObjectProperty<>(ColourBy.SPEED);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    DashboardSelection() {
        selectedRun.addListener((o, was, now) -> {
            if (ready()) {
                offerRunOrigins(origin.get());
            }
        });
    }

    /** Whether there is a corridor and its choices are not being set all at once (panels refresh only then). */
    boolean ready() {
        return corridor != null && !settling;
    }

    /**
     * Sets a newly loaded (or read again) corridor and its choices together, so that the panels refresh once, afterwards;
     * the runs offered are replaced only where they changed.
     */
    void settle(CorridorData loaded, List<RunChoice> loadedRuns, RunChoice run, int originIndex, int station) {
        settling = true;
        try {
            corridor = loaded;
            if (!runs.equals(loadedRuns)) {
                runs.setAll(loadedRuns);
            }
            selectedRun.set(run);
            offerRunOrigins(originIndex);
            selectedStation.set(station);
        } finally {
            settling = false;
        }
    }

    CorridorData corridor() {
        return corridor;
    }

    /**
     * Offers the chosen run's origins within the loaded period (the whole period without a run or where they lie outside
     * it) and moves the origin to {@code wanted}, kept within them. The bounds first widen to take in both the old and the
     * new range, so that a slider bound to them never has to pull its value (and with it the origin) inside.
     */
    private void offerRunOrigins(int wanted) {
        int[] offered = originsOf(corridor.series(), selectedRun.get());
        boolean outer = !bounding;
        bounding = true;
        try {
            firstOrigin.set(Math.min(firstOrigin.get(), offered[0]));
            lastOrigin.set(Math.max(lastOrigin.get(), offered[1]));
            origin.set(Math.max(offered[0], Math.min(offered[1], wanted)));
            firstOrigin.set(offered[0]);
            lastOrigin.set(offered[1]);
        } finally {
            if (outer) {
                bounding = false;
            }
        }
    }

    /** The first and last step of a run's origins within the series; the whole series without a run or where none lies in it. */
    static int[] originsOf(SensorSeries series, RunChoice run) {
        int last = series.length() - 1;
        if (run == null) {
            return new int[] {0, last};
        }
        // the first step at or after the run's first origin, the last at or before its newest
        long from = -Math.floorDiv(-Duration.between(series.start(), run.origins().from()).toMinutes(), STEP.toMinutes());
        long to = Math.floorDiv(Duration.between(series.start(), run.newestOrigin()).toMinutes(), STEP.toMinutes());
        from = Math.max(0, from);
        to = Math.min(last, to);
        return from > to ? new int[] {0, last} : new int[] {(int) from, (int) to};
    }

    /** Whether the origin is being moved to keep it within the run's origins (the dashboard's own move). */
    boolean bounding() {
        return bounding;
    }

    SensorSeries series() {
        return corridor.series();
    }

    /** The time of the chosen origin. */
    public Instant originTime() {
        return timeAt(origin.get());
    }

    /** The time of a step of the loaded series. */
    Instant timeAt(int index) {
        return corridor == null ? Instant.EPOCH : corridor.series().timeAt(index);
    }

    public Optional<Station> station() {
        if (corridor == null) {
            return Optional.empty();
        }
        int index = corridor.series().stationIndex(selectedStation.get());
        return index < 0 ? Optional.empty() : Optional.of(corridor.series().stations().get(index));
    }

    /** The traffic level of a station at a step in the chosen colouring; NaN where the value is missing. */
    double levelAt(int t, int s) {
        SensorSeries series = corridor.series();
        Channel channel = colourBy.get() == ColourBy.SPEED ? Channel.SPEED : Channel.FLOW;
        if (series.state(t, s, channel) == ValueState.MISSING) {
            return Double.NaN;
        }
        float value = series.value(t, s, channel);
        return channel == Channel.SPEED ? TrafficLevel.ofSpeed(value) : TrafficLevel.ofFlow(value, series.stations().get(s).lanes());
    }

    // ---- choices the view makes ------------------------------------------------------------------

    /**
     * Selects the first station whose id, name or postmile matches the text; false (and a status
     * message) when none does.
     */
    public boolean search(String text) {
        if (corridor == null || text == null || text.isBlank()) {
            return false;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Station s : corridor.series().stations()) {
            boolean matches = String.valueOf(s.id()).equals(wanted) || s.name().toLowerCase(Locale.ROOT).contains(wanted)
                    || (!Double.isNaN(s.absolutePostmile()) && String.format(Locale.ROOT, "%.1f", s.absolutePostmile()).equals(wanted));
            if (matches) {
                selectedStation.set(s.id());
                status.set("");
                return true;
            }
        }
        if (corridor.withoutReadings().stream().anyMatch(id -> String.valueOf(id).equals(wanted))) {
            status.set("Station " + wanted + " has no readings between " + DashboardText.when(corridor.series().start()) + " and "
                    + DashboardText.when(corridor.series().end()) + "; load its station_5min files with 'flowcast ingest'.");
            return false;
        }
        status.set("No station matches '" + text.strip() + "': type a station id, part of a name or a postmile.");
        return false;
    }

    /** Moves the origin by a number of five-minute steps, staying within the origins offered. */
    public void stepOrigin(int steps) {
        origin.set(Math.max(firstOrigin.get(), Math.min(lastOrigin.get(), origin.get() + steps)));
    }

    /** Moves the origin to the same time of day on another date, staying within the origins offered. */
    public void jumpTo(LocalDate date) {
        if (corridor == null || date == null) {
            return;
        }
        ZonedDateTime now = originTime().atZone(PemsTime.ZONE);
        moveOriginTo(date.atTime(now.toLocalTime()).atZone(PemsTime.ZONE).toInstant());
    }

    /**
     * Moves the origin to a time, rounded down to a five-minute step and kept within the origins offered; false where the
     * time lay outside them (the origin then is the nearest offered).
     */
    public boolean moveOriginTo(Instant time) {
        if (corridor == null) {
            return false;
        }
        long index = Math.floorDiv(Duration.between(corridor.series().start(), time).toMinutes(), STEP.toMinutes());
        origin.set((int) Math.max(firstOrigin.get(), Math.min(lastOrigin.get(), index)));
        return index >= firstOrigin.get() && index <= lastOrigin.get();
    }

    /** Selects the newest run of a model; false when there is none. */
    public boolean chooseModel(String model) {
        for (RunChoice run : runs) {
            if (run.model().equals(model)) {
                selectedRun.set(run);
                return true;
            }
        }
        return false;
    }

    void reportStatus(String text) {
        status.set(text);
    }

    public ObservableList<RunChoice> runs() {
        return runs;
    }

    public IntegerProperty selectedStationProperty() {
        return selectedStation;
    }

    public ObjectProperty<RunChoice> selectedRunProperty() {
        return selectedRun;
    }

    public IntegerProperty originProperty() {
        return origin;
    }

    /** The first origin offered (an index into the series). */
    public ReadOnlyIntegerProperty firstOriginProperty() {
        return firstOrigin.getReadOnlyProperty();
    }

    /** The last origin offered (an index into the series). */
    public ReadOnlyIntegerProperty lastOriginProperty() {
        return lastOrigin.getReadOnlyProperty();
    }

    public ObjectProperty<ColourBy> colourByProperty() {
        return colourBy;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
