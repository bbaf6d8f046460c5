package org.flowcast.app.dashboard.viewmodel;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import org.flowcast.app.dashboard.data.CorridorData;
import org.flowcast.app.dashboard.data.DashboardReads;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.core.Channel;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.TimeRange;
import org.flowcast.model.ModelRegistry;
import org.flowcast.reports.EvaluationSummary;

/**
 * The dashboard without a window: loads a corridor, its forecast runs and the newest evaluation, and
 * holds one view-model per panel ({@link #tiles}, {@link #forecast}, {@link #contour}, {@link #comparison})
 * over the {@link #selection} they share. Every read goes through the {@link TaskExecutor}.
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

    private final ReadOnlyStringWrapper corridorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper("Loading…");
    private final ReadOnlyStringWrapper loadFailure = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final javafx.collections.ObservableList<String> corridors = javafx.collections.FXCollections.observableArrayList();
    private final javafx.beans.property.StringProperty chosenCorridor = new javafx.beans.property.SimpleStringProperty();
    private final BooleanProperty districtShown = new SimpleBooleanProperty(false);
    private final DistrictViewModel district;
    private boolean settlingCorridor;

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
        chosenCorridor.addListener((o, was, now) -> {
            if (!settlingCorridor && now != null && !now.equals(was)) {
                showCorridor(now);
            }
        });
    }

    /** What loading reads in one go. */
    private record Loaded(Optional<CorridorData> corridor, List<RunChoice> runs, Optional<EvaluationSummary> evaluation,
                          String evaluationProblem, List<String> corridorNames) {
    }

    /**
     * Loads the corridor, the forecast runs and the newest evaluation, then shows the weekday peak among the
     * first registered model's origins ({@link PeakOrigin}) at its most congested station; the newest
     * origin where there is none.
     */
    public void open() {
        busy.set(true);
        executor.execute(() -> {
            Optional<EvaluationSummary> evaluation = Optional.empty();
            String problem = "";
            try {
                evaluation = source.latestEvaluation();
            } catch (IOException | RuntimeException e) {
                problem = "The evaluation under " + source.evaluations() + " could not be read: " + e.getMessage();
            }
            return new Loaded(source.corridor(corridorChoice, days), source.runs(), evaluation, problem, source.corridorNames());
        }, this::loaded, this::failed);
    }

    private void loaded(Loaded data) {
        busy.set(false);
        loadFailure.set("");
        comparison.show(data.evaluation(), data.evaluationProblem(), String.valueOf(source.evaluations()));
        if (data.corridor().isEmpty()) {
            emptyMessage.set("No readings in " + source.databaseName() + " yet. Load PeMS station_5min files with "
                    + "'flowcast ingest FILES…', or run 'flowcast demo' to make and load the sample corridor.");
            return;
        }
        CorridorData corridor = data.corridor().get();
        settlingCorridor = true;
        try {
            corridors.setAll(data.corridorNames());
            chosenCorridor.set(corridor.corridor());
        } finally {
            settlingCorridor = false;
        }
        SensorSeries series = corridor.series();
        corridorText.set((corridor.corridor().contains("-") ? "Freeway " : "") + corridor.corridor() + " · " + series.stationCount()
                + " stations"
                + (corridor.withoutReadings().isEmpty() ? "" : " (" + corridor.withoutReadings().size() + " without readings hidden)")
                        + " · "
                + DashboardText.when(series.start()) + " – " + DashboardText.when(series.end().minus(DashboardSelection.STEP)));
        List<RunChoice> runs = runsOf(corridor.corridor(), data.runs());
        RunChoice run = firstRegistered(runs);
        Optional<PeakOrigin.Choice> peak = run == null ? Optional.empty() : PeakOrigin.find(series, run.origins());
        selection.settle(corridor, runs, run, peak.map(PeakOrigin.Choice::origin).orElse(newestOrigin(series, run)),
                peak.map(PeakOrigin.Choice::stationId).orElse(busiestStation(series)));
        emptyMessage.set("");
        tiles.loaded();
        forecast.refresh();
        contour.refresh();
    }

    private void failed(Exception e) {
        busy.set(false);
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        selection.reportStatus("Could not read the database: " + text);
        loadFailure.set(text);
        if (selection.corridor() == null) {
            emptyMessage.set("Could not read " + source.databaseName() + ": " + text);
        }
    }

    /**
     * The runs of a corridor's own models; where it has none, the runs of models of no particular corridor
     * (another corridor's runs forecast other stations).
     */
    static List<RunChoice> runsOf(String corridor, List<RunChoice> runs) {
        List<RunChoice> own = runs.stream().filter(r -> r.corridor().equals(corridor)).toList();
        return own.isEmpty() ? runs.stream().filter(r -> r.corridor().isEmpty()).toList() : own;
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

    /**
     * The newest run of the model registered first (the attention Conv-LSTM, whose attention the
     * dashboard shows), else of the next; a model the registry does not know comes last.
     */
    private static RunChoice firstRegistered(List<RunChoice> runs) {
        List<String> order = ModelRegistry.names();
        return runs.stream().min(Comparator.comparingInt((RunChoice r) -> order.contains(r.model()) ? order.indexOf(r.model())
                : order.size())).orElse(null);
    }

    /** The run's newest origin that lies in the loaded period, else the newest loaded step. */
    static int newestOrigin(SensorSeries series, RunChoice run) {
        if (run != null) {
            Instant last = run.origins().to().minus(DashboardSelection.STEP);
            int index = (int) Duration.between(series.start(), last).dividedBy(DashboardSelection.STEP);
            if (index >= 0 && index < series.length()) {
                return index;
            }
        }
        return series.length() - 1;
    }

    /** The station with the highest mean observed flow: where there is most to watch. */
    private static int busiestStation(SensorSeries series) {
        int best = series.stations().get(0).id();
        double bestMean = -1;
        for (int s = 0; s < series.stationCount(); s++) {
            double sum = 0;
            int n = 0;
            for (int t = 0; t < series.length(); t++) {
                if (series.isObserved(t, s, Channel.FLOW)) {
                    sum += series.value(t, s, Channel.FLOW);
                    n++;
                }
            }
            if (n > 0 && sum / n > bestMean) {
                bestMean = sum / n;
                best = series.stations().get(s).id();
            }
        }
        return best;
    }

    // ---- the panels ------------------------------------------------------------------------------

    public DashboardSelection selection() {
        return selection;
    }

    public DistrictViewModel district() {
        return district;
    }

    /** The corridors the analyst can switch to. */
    public javafx.collections.ObservableList<String> corridors() {
        return corridors;
    }

    /** The corridor shown; setting another loads it. */
    public javafx.beans.property.StringProperty chosenCorridorProperty() {
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

    // ---- the choices and state commands and tests use, as the panels hold them -------------------

    public boolean search(String text) {
        return selection.search(text);
    }

    public void stepOrigin(int steps) {
        selection.stepOrigin(steps);
    }

    /** Moves to the chosen run's newest origin (the newest loaded step without a run). */
    public void toNewestOrigin() {
        if (selection.corridor() != null) {
            selection.originProperty().set(newestOrigin(selection.series(), selection.selectedRunProperty().get()));
        }
    }

    public void jumpTo(LocalDate date) {
        selection.jumpTo(date);
    }

    public void moveOriginTo(Instant time) {
        selection.moveOriginTo(time);
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
