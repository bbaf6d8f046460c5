package org.flowcast.app.dashboard.viewmodel;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowcast.app.dashboard.data.CorridorData;
import org.flowcast.app.dashboard.data.DashboardReads;
import org.flowcast.app.dashboard.data.LiveAccuracy;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.TimeRange;
import org.flowcast.reports.EvaluationSummary;

/**
 * The dashboard without a window: loads a corridor, its forecast runs and the newest evaluation, and
 * holds one view-model per panel ({@link #tiles}, {@link #forecast}, {@link #contour}, {@link #comparison},
 * {@link #liveAccuracy}) over the {@link #selection} they share. {@link #refresh} reads again what live operation
 * changes, following the newest origin as it arrives unless the origin was moved by hand. Every read goes through the
 * {@link TaskExecutor}.
 */
public final class DashboardViewModel {
    private final DashboardReads source;
    private final TaskExecutor executor;
    private String corridorChoice;
    private final int days;

    private final DashboardSelection selection = new DashboardSelection();
    private final StationTilesViewModel tiles;
    private final StationForecastViewModel forecast;
    private final ContourViewModel contour;
    private final ComparisonViewModel comparison;
    private final LiveAccuracyViewModel liveAccuracy = new LiveAccuracyViewModel();
    private final OriginFollowing following = new OriginFollowing(selection);
    private final DashboardRefresh refresher;

    private final ReadOnlyStringWrapper corridorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper("Loading…");
    private final ReadOnlyStringWrapper loadFailure = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<String> corridors = FXCollections.observableArrayList();
    private final StringProperty chosenCorridor = new SimpleStringProperty();
    private final BooleanProperty districtShown = new SimpleBooleanProperty(false);
    private final DistrictViewModel district;
    private boolean settlingCorridor;
    /** The opening under way: a later one (another corridor) leaves the reads of an earlier one unshown. */
    private long openings;
    private int openingReads;

    /**
     * @param corridor the corridor to show ({@code "5-N"}), or null for the one with the most stations
     * @param days     how many of the newest days to load
     */
    public DashboardViewModel(DashboardReads source, TaskExecutor executor, String corridor, int days) {
        this.source = source;
        this.executor = executor;
        this.corridorChoice = corridor;
        this.days = days;
        tiles = new StationTilesViewModel(selection);
        forecast = new StationForecastViewModel(selection, source, executor, this::failed);
        contour = new ContourViewModel(selection, source, executor, this::failed);
        comparison = new ComparisonViewModel(selection);
        district = new DistrictViewModel(source, executor, this::failed);
        refresher = new DashboardRefresh(selection, source, executor, () -> corridorChoice, days, following, this::readPanels,
                liveAccuracy::show);
        chosenCorridor.addListener((o, was, now) -> {
            if (!settlingCorridor && now != null && !now.equals(was)) {
                showCorridor(now);
            }
        });
    }

    /** What the opening reads first: the corridor's readings and the runs of its stations. */
    private record Loaded(Optional<CorridorData> corridor, List<RunChoice> runs) {
    }

    /** What the opening reads last: the corridor's live accuracy and the corridors there are. */
    private record Extras(List<LiveAccuracy> live, List<String> corridorNames) {
    }

    /** The newest evaluation, or why it could not be read. */
    private record Evaluation(Optional<EvaluationSummary> summary, String problem) {
    }

    /**
     * Loads the corridor and the runs of its stations, then shows the opening run's newest origin where it is live, else
     * the weekday peak among the first registered model's origins ({@link PeakOrigin}) at its most congested station; the
     * newest origin where there is none. Following starts again. The panels come one by one, each as soon as its data is
     * read: the corridor's tiles first, then the forecast chart with what drove it and the attention, the contour, the live
     * accuracy and the corridors to switch to, and last the model comparison of the newest evaluation. {@link #busyProperty}
     * holds until the last is shown.
     */
    public void open() {
        long current = ++openings;
        Runnable corridorShown = opening();
        String choice = corridorChoice;
        executor.execute(() -> {
            Optional<CorridorData> corridor = source.corridor(choice, days);
            List<RunChoice> runs = new ArrayList<>();
            if (corridor.isPresent()) {
                runs.addAll(source.runsFor(corridor.get().corridor(), corridor.get().series().stations().stream().map(Station::id)
                        .toList()));
            }
            return new Loaded(corridor, runs);
        }, data -> {
            if (current == openings) {
                loaded(data, current);
            }
            corridorShown.run();
        }, e -> {
            corridorShown.run();
            failed(e);
        });
    }

    /** Marks a read of the opening as under way: busy until every one has run the action returned (once). */
    private Runnable opening() {
        openingReads++;
        busy.set(true);
        boolean[] done = {false};
        return () -> {
            if (!done[0]) {
                done[0] = true;
                openingReads--;
                busy.set(openingReads > 0);
            }
        };
    }

    private void loaded(Loaded data, long current) {
        loadFailure.set("");
        if (data.corridor().isEmpty()) {
            emptyMessage.set("No readings in " + source.databaseName() + " yet. Load PeMS station_5min files with "
                    + "'flowcast ingest FILES…', or run 'flowcast demo' to make and load the sample corridor.");
            readEvaluation(current);
            return;
        }
        CorridorData corridor = data.corridor().get();
        settlingCorridor = true;
        try {
            chosenCorridor.set(corridor.corridor());
        } finally {
            settlingCorridor = false;
        }
        if (corridorChoice == null) {
            // refreshes read the corridor shown, whichever has most stations by then
            corridorChoice = corridor.corridor();
        }
        SensorSeries series = corridor.series();
        corridorText.set(DashboardText.describe(corridor));
        List<RunChoice> runs = RunOrder.ordered(data.runs());
        RunChoice run = RunOrder.opening(runs);
        StartingPoint.Choice start = StartingPoint.of(series, run);
        following.start();
        selection.settle(corridor, runs, run, start.origin(), start.stationId());
        emptyMessage.set("");
        liveAccuracy.clear();
        tiles.loaded();
        forecast.refresh(opening());
        contour.refresh(opening());
        readExtras(current, corridor.corridor());
        readEvaluation(current);
    }

    private void readExtras(long current, String corridor) {
        Runnable shown = opening();
        executor.execute(() -> new Extras(source.liveAccuracy(corridor), source.corridorNames()), extras -> {
            if (current == openings) {
                liveAccuracy.show(extras.live());
                settlingCorridor = true;
                try {
                    corridors.setAll(extras.corridorNames());
                    chosenCorridor.set(corridor);
                } finally {
                    settlingCorridor = false;
                }
            }
            shown.run();
        }, e -> {
            shown.run();
            failed(e);
        });
    }

    private void readEvaluation(long current) {
        Runnable shown = opening();
        executor.execute(() -> {
            try {
                return new Evaluation(source.latestEvaluation(), "");
            } catch (IOException | RuntimeException e) {
                return new Evaluation(Optional.empty(), "The evaluation under " + source.evaluations() + " could not be read: "
                        + e.getMessage());
            }
        }, evaluation -> {
            if (current == openings) {
                comparison.show(evaluation.summary(), evaluation.problem(), String.valueOf(source.evaluations()));
                liveAccuracy.evaluated(evaluation.summary());
            }
            shown.run();
        }, e -> {
            shown.run();
            failed(e);
        });
    }

    private void readPanels() {
        tiles.loaded();
        forecast.refresh();
        contour.refresh();
    }

    /**
     * Reads again what may have changed since (live operation adds readings, origins and realised accuracy; a forecast
     * job adds runs) and shows what did ({@link DashboardRefresh}); loads the corridor where none could be loaded yet, and
     * reads the district overview again where it is shown. The window calls it periodically.
     */
    public void refresh() {
        if (districtShown.get()) {
            district.refresh();
        }
        if (selection.corridor() == null) {
            if (!busy.get()) {
                open();
            }
            return;
        }
        refresher.run();
    }

    private void failed(Exception e) {
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        selection.reportStatus("Could not read the database: " + text);
        loadFailure.set(text);
        if (selection.corridor() == null) {
            emptyMessage.set("Could not read " + source.databaseName() + ": " + text);
        }
    }

    /** Shows another corridor (a name of {@link #corridors()}), leaving the district overview. */
    public void showCorridor(String name) {
        corridorChoice = name;
        districtShown.set(false);
        open();
    }

    /** Shows the district overview, read afresh. */
    public void showDistrict() {
        districtShown.set(true);
        district.refresh();
    }

    // ---- the panels ------------------------------------------------------------------------------

    public DashboardSelection selection() {
        return selection;
    }

    public DistrictViewModel district() {
        return district;
    }

    /** The corridors the analyst can switch to. */
    public ObservableList<String> corridors() {
        return corridors;
    }

    /** The corridor shown; setting another loads it. */
    public StringProperty chosenCorridorProperty() {
        return chosenCorridor;
    }

    /** Whether the district overview is shown in place of the corridor's panels. */
    public BooleanProperty districtShownProperty() {
        return districtShown;
    }

    public StationTilesViewModel tiles() {
        return tiles;
    }

    public StationForecastViewModel forecast() {
        return forecast;
    }

    public ContourViewModel contour() {
        return contour;
    }

    public ComparisonViewModel comparison() {
        return comparison;
    }

    public LiveAccuracyViewModel liveAccuracy() {
        return liveAccuracy;
    }

    // ---- the choices and state commands and tests use, as the panels hold them -------------------

    public boolean search(String text) {
        return selection.search(text);
    }

    public void stepOrigin(int steps) {
        selection.stepOrigin(steps);
    }

    /** Moves to the chosen run's newest origin (the newest loaded step without a run) and follows the newest origin again. */
    public void toNewestOrigin() {
        following.start();
        if (selection.corridor() != null) {
            following.move(() -> selection.originProperty().set(StartingPoint.newestOrigin(selection.series(),
                    selection.selectedRunProperty().get())));
        }
    }

    /** Whether a refresh that finds a newer origin moves to it: off once the origin was moved by hand. */
    public ReadOnlyBooleanProperty followingProperty() {
        return following.property();
    }

    /** The drift mark of the corridor shown (empty: none of its live models drifted). */
    public ReadOnlyStringProperty driftMarkProperty() {
        return liveAccuracy.driftMarkProperty();
    }

    public void jumpTo(LocalDate date) {
        selection.jumpTo(date);
    }

    /** Moves the origin to a time within the origins offered; false where it lay outside them ({@link DashboardSelection#moveOriginTo}). */
    public boolean moveOriginTo(Instant time) {
        return selection.moveOriginTo(time);
    }

    public boolean chooseModel(String model) {
        return selection.chooseModel(model);
    }

    public void pointAt(int row, int lag) {
        forecast.pointAt(row, lag);
    }

    public Instant originTime() {
        return selection.originTime();
    }

    /** The time of an origin (an index into the loaded series). */
    public Instant originTimeAt(int index) {
        return selection.timeAt(index);
    }

    public Optional<Station> station() {
        return selection.station();
    }

    public ObservableList<StationTile> stations() {
        return tiles.stations();
    }

    public ObservableList<RunChoice> runs() {
        return selection.runs();
    }

    public IntegerProperty selectedStationProperty() {
        return selection.selectedStationProperty();
    }

    public ObjectProperty<RunChoice> selectedRunProperty() {
        return selection.selectedRunProperty();
    }

    public IntegerProperty originProperty() {
        return selection.originProperty();
    }

    /** The first origin offered: the chosen run's first within the loaded period. */
    public ReadOnlyIntegerProperty firstOriginProperty() {
        return selection.firstOriginProperty();
    }

    /** The last origin offered: the chosen run's newest within the loaded period. */
    public ReadOnlyIntegerProperty lastOriginProperty() {
        return selection.lastOriginProperty();
    }

    public ObjectProperty<ColourBy> colourByProperty() {
        return selection.colourByProperty();
    }

    public ReadOnlyStringProperty originTextProperty() {
        return tiles.originTextProperty();
    }

    public ReadOnlyStringProperty corridorTextProperty() {
        return corridorText.getReadOnlyProperty();
    }

    /** Why the last load failed (an unknown corridor, an unreadable database); empty after a load that worked. */
    public ReadOnlyStringProperty loadFailureProperty() {
        return loadFailure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return selection.statusProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<ForecastChartData> chartProperty() {
        return forecast.chartProperty();
    }

    public ReadOnlyObjectProperty<AttentionData> attentionProperty() {
        return forecast.attentionProperty();
    }

    public ReadOnlyObjectProperty<ContributionData> contributionsProperty() {
        return forecast.contributionsProperty();
    }

    public ReadOnlyObjectProperty<ContourData> contourProperty() {
        return contour.contourProperty();
    }

    public ReadOnlyObjectProperty<ComparisonData> comparisonProperty() {
        return comparison.comparisonProperty();
    }

    public ReadOnlyObjectProperty<TimeRange> highlightedProperty() {
        return forecast.highlightedProperty();
    }

    public ReadOnlyStringProperty shownModelProperty() {
        return comparison.shownModelProperty();
    }
}
