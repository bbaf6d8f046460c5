package org.flowcast.app.dashboard.viewmodel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowcast.core.Horizon;
import org.flowcast.core.PemsTime;
import org.flowcast.app.dashboard.data.CorridorData;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.data.StationForecast;
import org.flowcast.core.Channel;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.reports.EvaluationSummary;

/**
 * The dashboard's state and logic, without a window: the corridor, the chosen station, forecast run
 * and origin, and what each panel shows. Views bind to these properties; every database read goes
 * through the {@link TaskExecutor}, and a result that arrives after a newer choice is dropped.
 */
public final class DashboardViewModel {
    /** Steps of observed flow shown before the origin (6 hours). */
    public static final int HISTORY_STEPS = 72;
    /** Steps up to which a forecast counts as short-horizon (30 minutes). */
    /** Origins shown as rows of the attention heat map. */
    public static final int ATTENTION_ROWS = 12;
    /** Steps of observations before the origin in the space–time contour (3 hours). */
    public static final int CONTOUR_HISTORY = 36;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ROOT).withZone(PemsTime.ZONE);
    private static final Duration STEP = SensorSeries.FIVE_MINUTES;

    private final DashboardSource source;
    private final TaskExecutor executor;
    private final String corridorChoice;
    private final int days;

    private CorridorData corridor;
    private double[] percentObserved;
    private boolean loading;
    private long stationGeneration;
    private long contourGeneration;

    private final ObservableList<StationTile> stations = FXCollections.observableArrayList();
    private final ObservableList<RunChoice> runs = FXCollections.observableArrayList();
    private final IntegerProperty selectedStation = new SimpleIntegerProperty(0);
    private final ObjectProperty<RunChoice> selectedRun = new SimpleObjectProperty<>();
    private final IntegerProperty origin = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper lastOrigin = new ReadOnlyIntegerWrapper(0);
    private final ObjectProperty<ColourBy> colourBy = new SimpleObjectProperty<>(ColourBy.SPEED);
    private final ReadOnlyStringWrapper originText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper corridorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper("Loading…");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper loadFailure = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<ForecastChartData> chart = new ReadOnlyObjectWrapper<>(ForecastChartData.empty(""));
    private final ReadOnlyObjectWrapper<AttentionData> attention = new ReadOnlyObjectWrapper<>(AttentionData.empty(""));
    private final ReadOnlyObjectWrapper<ContourData> contour = new ReadOnlyObjectWrapper<>(ContourData.empty(""));
    private final ReadOnlyObjectWrapper<ComparisonData> comparison = new ReadOnlyObjectWrapper<>(ComparisonData.empty(""));
    private final ReadOnlyObjectWrapper<TimeRange> highlighted = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper shownModel = new ReadOnlyStringWrapper("");

    /**
     * @param corridor the corridor to show ({@code "5-N"}), or null for the one with the most stations
     * @param days     how many of the newest days to load
     */
    public DashboardViewModel(DashboardSource source, TaskExecutor executor, String corridor, int days) {
        this.source = source;
        this.executor = executor;
        this.corridorChoice = corridor;
        this.days = days;
        selectedStation.addListener((o, a, b) -> refreshStation());
        selectedRun.addListener((o, a, b) -> {
            refreshStation();
            refreshContour();
            refreshComparisonHighlight();
        });
        origin.addListener((o, a, b) -> {
            refreshTiles();
            refreshStation();
            refreshContour();
        });
        colourBy.addListener((o, a, b) -> {
            refreshTiles();
            refreshContour();
        });
    }

    /** What loading reads in one go. */
    private record Loaded(Optional<CorridorData> corridor, List<RunChoice> runs, Optional<EvaluationSummary> evaluation,
                          String evaluationProblem) {
    }

    /** Loads the corridor, the forecast runs and the newest evaluation, then shows the newest origin. */
    public void open() {
        busy.set(true);
        executor.execute(() -> {
            Optional<EvaluationSummary> evaluation = Optional.empty();
            String problem = "";
            try {
                evaluation = source.latestEvaluation();
            } catch (java.io.IOException | RuntimeException e) {
                problem = "The evaluation under " + source.evaluations() + " could not be read: " + e.getMessage();
            }
            return new Loaded(source.corridor(corridorChoice, days), source.runs(), evaluation, problem);
        }, this::loaded, this::failed);
    }

    private void loaded(Loaded data) {
        busy.set(false);
        loadFailure.set("");
        comparison.set(comparisonOf(data.evaluation(), data.evaluationProblem()));
        if (data.corridor().isEmpty()) {
            emptyMessage.set("No readings in " + source.databaseName() + " yet. Load PeMS station_5min files with "
                    + "'flowcast ingest FILES…', or run 'flowcast demo' to make and load the sample corridor.");
            return;
        }
        loading = true;
        try {
            corridor = data.corridor().get();
            SensorSeries series = corridor.series();
            percentObserved = percentObserved(series);
            corridorText.set((corridor.corridor().contains("-") ? "Freeway " : "") + corridor.corridor() + " · " + series.stationCount() + " stations"
                    + (corridor.withoutReadings().isEmpty() ? "" : " (" + corridor.withoutReadings().size() + " without readings hidden)") + " · "
                    + WHEN.format(series.start()) + " – " + WHEN.format(series.end().minus(STEP)));
            runs.setAll(data.runs());
            lastOrigin.set(series.length() - 1);
            RunChoice run = data.runs().stream().filter(r -> "at-conv-lstm".equals(r.model())).findFirst()
                    .orElse(data.runs().isEmpty() ? null : data.runs().get(0));
            selectedRun.set(run);
            origin.set(defaultOrigin(run));
            selectedStation.set(busiestStation());
            emptyMessage.set("");
        } finally {
            loading = false;
        }
        refreshTiles();
        refreshStation();
        refreshContour();
        refreshComparisonHighlight();
    }

    private static double[] percentObserved(SensorSeries series) {
        double[] percent = new double[series.stationCount()];
        for (int s = 0; s < percent.length; s++) {
            int observed = 0;
            for (int t = 0; t < series.length(); t++) {
                if (series.state(t, s, Channel.FLOW) == ValueState.OBSERVED) {
                    observed++;
                }
            }
            percent[s] = 100.0 * observed / series.length();
        }
        return percent;
    }

    private void failed(Exception e) {
        busy.set(false);
        String text = e.getMessage() == null ? e.toString() : e.getMessage();
        status.set("Could not read the database: " + text);
        loadFailure.set(text);
        if (corridor == null) {
            emptyMessage.set("Could not read " + source.databaseName() + ": " + text);
        }
    }

    /** The run's newest origin that lies in the loaded period, else the newest loaded step. */
    private int defaultOrigin(RunChoice run) {
        SensorSeries series = corridor.series();
        if (run != null) {
            Instant last = run.origins().to().minus(STEP);
            int index = (int) Duration.between(series.start(), last).dividedBy(STEP);
            if (index >= 0 && index < series.length()) {
                return index;
            }
        }
        return series.length() - 1;
    }

    /** The station with the highest mean observed flow: where there is most to watch. */
    private int busiestStation() {
        SensorSeries series = corridor.series();
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
            status.set("Station " + wanted + " has no readings between " + WHEN.format(corridor.series().start()) + " and "
                    + WHEN.format(corridor.series().end()) + "; load its station_5min files with 'flowcast ingest'.");
            return false;
        }
        status.set("No station matches '" + text.strip() + "': type a station id, part of a name or a postmile.");
        return false;
    }

    /** Moves the origin by a number of five-minute steps, staying within the loaded period. */
    public void stepOrigin(int steps) {
        origin.set(Math.max(0, Math.min(lastOrigin.get(), origin.get() + steps)));
    }

    /** Moves the origin to the same time of day on another date, staying within the loaded period. */
    public void jumpTo(LocalDate date) {
        if (corridor == null || date == null) {
            return;
        }
        ZonedDateTime now = originTime().atZone(PemsTime.ZONE);
        Instant target = date.atTime(now.toLocalTime()).atZone(PemsTime.ZONE).toInstant();
        int index = (int) Math.floorDiv(Duration.between(corridor.series().start(), target).toMinutes(), STEP.toMinutes());
        origin.set(Math.max(0, Math.min(lastOrigin.get(), index)));
    }

    /** Moves the origin to a time, rounded down to a five-minute step and kept within the loaded period. */
    public void moveOriginTo(Instant time) {
        if (corridor == null) {
            return;
        }
        int index = (int) Math.floorDiv(Duration.between(corridor.series().start(), time).toMinutes(), STEP.toMinutes());
        origin.set(Math.max(0, Math.min(lastOrigin.get(), index)));
    }

    /** Selects the newest run of a model; false when the database has none. */
    public boolean chooseModel(String model) {
        for (RunChoice run : runs) {
            if (run.model().equals(model)) {
                selectedRun.set(run);
                return true;
            }
        }
        return false;
    }

    /** Pointing at an attention cell highlights the past interval it weighs on the chart. */
    public void pointAt(int row, int lag) {
        AttentionData data = attention.get();
        if (row < 0 || row >= data.origins().size() || lag < 0 || lag >= data.lags()) {
            highlighted.set(null);
            return;
        }
        Instant start = data.intervalStart(row, lag);
        highlighted.set(new TimeRange(start, start.plus(STEP)));
    }

    public void clearPointer() {
        highlighted.set(null);
    }

    /** The time of the chosen origin. */
    public Instant originTime() {
        return corridor == null ? Instant.EPOCH : corridor.series().timeAt(origin.get());
    }

    public Optional<Station> station() {
        if (corridor == null) {
            return Optional.empty();
        }
        int index = corridor.series().stationIndex(selectedStation.get());
        return index < 0 ? Optional.empty() : Optional.of(corridor.series().stations().get(index));
    }

    // ---- derived state ---------------------------------------------------------------------------

    private void refreshTiles() {
        if (loading || corridor == null) {
            return;
        }
        SensorSeries series = corridor.series();
        int t = origin.get();
        List<StationTile> tiles = new ArrayList<>();
        for (int s = 0; s < series.stationCount(); s++) {
            Station station = series.stations().get(s);
            double level = levelAt(series, t, s);
            String text;
            if (Double.isNaN(level)) {
                text = "no data";
            } else if (colourBy.get() == ColourBy.SPEED) {
                text = String.format(Locale.ROOT, "%.0f mph", series.value(t, s, Channel.SPEED));
            } else {
                text = String.format(Locale.ROOT, "%,.0f veh/h/ln", TrafficLevel.perLaneHour(series.value(t, s, Channel.FLOW), station.lanes()));
            }
            tiles.add(new StationTile(station.id(), station.name(), station.absolutePostmile(), TrafficLevel.Condition.of(level), level,
                    text, percentObserved[s]));
        }
        stations.setAll(tiles);
        originText.set(WHEN.format(series.timeAt(t)));
    }

    private double levelAt(SensorSeries series, int t, int s) {
        Channel channel = colourBy.get() == ColourBy.SPEED ? Channel.SPEED : Channel.FLOW;
        if (series.state(t, s, channel) == ValueState.MISSING) {
            return Double.NaN;
        }
        float value = series.value(t, s, channel);
        return channel == Channel.SPEED ? TrafficLevel.ofSpeed(value) : TrafficLevel.ofFlow(value, series.stations().get(s).lanes());
    }

    /** What a station refresh reads from the database. */
    private record StationReads(Optional<StationForecast> forecast, SortedMap<Instant, float[]> attention) {
    }

    private void refreshStation() {
        if (loading || corridor == null) {
            return;
        }
        long generation = ++stationGeneration;
        Optional<Station> station = station();
        if (station.isEmpty()) {
            chart.set(ForecastChartData.empty("Choose a station on the corridor above."));
            attention.set(AttentionData.empty(""));
            return;
        }
        RunChoice run = selectedRun.get();
        Instant at = originTime();
        int stationId = station.get().id();
        if (run == null) {
            chart.set(chartOf(station.get(), Optional.empty(), null));
            attention.set(AttentionData.empty("No forecasts in the database yet: run 'flowcast forecast --model FILE' "
                    + "(or 'flowcast demo') to see a model's forecasts and attention here."));
            return;
        }
        executor.execute(() -> {
            if (generation != stationGeneration) {
                return null;
            }
            TimeRange one = new TimeRange(at, at.plus(STEP));
            Optional<StationForecast> forecast = Optional.ofNullable(source.forecasts(run.id(), stationId, one).get(at));
            TimeRange rows = new TimeRange(at.minus(STEP.multipliedBy(ATTENTION_ROWS - 1L)), at.plus(STEP));
            return new StationReads(forecast, source.attention(run.id(), stationId, rows));
        }, reads -> {
            if (reads == null || generation != stationGeneration) {
                return;
            }
            chart.set(chartOf(station.get(), reads.forecast(), run));
            attention.set(attentionOf(reads.attention(), run, at));
            highlighted.set(null);
        }, this::failed);
    }

    private ForecastChartData chartOf(Station station, Optional<StationForecast> forecast, RunChoice run) {
        SensorSeries series = corridor.series();
        int s = series.stationIndex(station.id());
        int t0 = origin.get();
        int horizon = forecast.map(StationForecast::steps).orElse(run == null ? 12 : run.horizon());
        List<ForecastChartData.Point> before = new ArrayList<>();
        List<ForecastChartData.Point> after = new ArrayList<>();
        boolean any = false;
        for (int t = Math.max(0, t0 - HISTORY_STEPS); t <= Math.min(series.length() - 1, t0 + horizon); t++) {
            if (series.state(t, s, Channel.FLOW) == ValueState.MISSING) {
                continue;
            }
            ForecastChartData.Point p = new ForecastChartData.Point(minutes(series.timeAt(t)), series.value(t, s, Channel.FLOW));
            (t <= t0 ? before : after).add(p);
            any = true;
        }
        List<ForecastChartData.Point> shortPart = new ArrayList<>();
        List<ForecastChartData.Point> longPart = new ArrayList<>();
        List<ForecastChartData.Band> band80 = new ArrayList<>();
        List<ForecastChartData.Band> band95 = new ArrayList<>();
        String message = any ? "" : "Station " + station.id() + " has no readings around " + WHEN.format(originTime()) + ".";
        if (forecast.isPresent()) {
            StationForecast f = forecast.get();
            for (int h = 1; h <= f.steps(); h++) {
                double x = minutes(f.origin().plus(STEP.multipliedBy(h)));
                ForecastChartData.Point p = new ForecastChartData.Point(x, f.value(h));
                if (h <= Horizon.SHORT_STEPS) {
                    shortPart.add(p);
                }
                // the long line starts at the last short step so that the two read as one forecast
                if (h >= Horizon.SHORT_STEPS) {
                    longPart.add(p);
                }
                if (f.hasIntervals()) {
                    band80.add(new ForecastChartData.Band(x, f.lower(h, 0.8), f.upper(h, 0.8)));
                    band95.add(new ForecastChartData.Band(x, f.lower(h, 0.95), f.upper(h, 0.95)));
                }
            }
        } else if (run != null && message.isEmpty()) {
            message = "Run " + run.id() + " (" + run.model() + ") has no forecast from " + WHEN.format(originTime())
                    + "; its origins run from " + WHEN.format(run.origins().from()) + " to " + WHEN.format(run.origins().to().minus(STEP)) + ".";
        }
        String title = "Station " + station.id() + (station.name().isEmpty() ? "" : " " + station.name())
                + (Double.isNaN(station.absolutePostmile()) ? "" : String.format(Locale.ROOT, " (PM %.1f)", station.absolutePostmile()))
                + " — forecast from " + WHEN.format(originTime()) + (run == null ? "" : " by " + run.model());
        return new ForecastChartData(title, before, after, shortPart, longPart, band80, band95, minutes(originTime()), message);
    }

    private AttentionData attentionOf(SortedMap<Instant, float[]> rows, RunChoice run, Instant at) {
        if (rows.isEmpty()) {
            return AttentionData.empty("The " + run.model() + " model has no attention weights; choose an attention model "
                    + "(at-conv-lstm) to see which past steps drove its forecasts.");
        }
        int lags = rows.values().iterator().next().length;
        List<Instant> origins = new ArrayList<>();
        List<float[]> weights = new ArrayList<>();
        rows.forEach((o, w) -> {
            if (w.length == lags) {
                origins.add(o);
                weights.add(w);
            }
        });
        String message = rows.containsKey(at) ? "" : "No attention at the chosen origin.";
        return new AttentionData(origins, weights.toArray(new float[0][]), STEP, message);
    }

    private void refreshContour() {
        if (loading || corridor == null) {
            return;
        }
        long generation = ++contourGeneration;
        SensorSeries series = corridor.series();
        RunChoice run = selectedRun.get();
        ColourBy by = colourBy.get();
        int t0 = origin.get();
        Instant at = originTime();
        List<Integer> ids = series.stations().stream().map(Station::id).toList();
        boolean wantForecast = run != null && by == ColourBy.FLOW;
        executor.execute(() -> {
            if (generation != contourGeneration) {
                return null;
            }
            return wantForecast ? source.forecastsAt(run.id(), ids, at) : Map.<Integer, StationForecast>of();
        }, forecasts -> {
            if (forecasts == null || generation != contourGeneration) {
                return;
            }
            int first = Math.max(0, t0 - CONTOUR_HISTORY);
            int horizon = run == null ? 12 : run.horizon();
            int steps = t0 - first + 1 + horizon;
            double[][] levels = new double[steps][series.stationCount()];
            for (int i = 0; i < steps; i++) {
                int t = first + i;
                for (int s = 0; s < series.stationCount(); s++) {
                    if (t <= t0) {
                        levels[i][s] = t < series.length() ? levelAt(series, t, s) : Double.NaN;
                    } else {
                        StationForecast f = forecasts.get(ids.get(s));
                        int h = t - t0;
                        levels[i][s] = f == null || h > f.steps() ? Double.NaN
                                : TrafficLevel.ofFlow(f.value(h), series.stations().get(s).lanes());
                    }
                }
            }
            double[] postmiles = series.stations().stream().mapToDouble(Station::absolutePostmile).toArray();
            String message;
            if (run == null) {
                message = "Observed only: the database has no forecast run.";
            } else if (by == ColourBy.SPEED) {
                message = "Right of the origin line: models forecast flow, so colour by flow to see the forecast part.";
            } else {
                message = forecasts.isEmpty() ? "Run " + run.id() + " has no forecast from this origin." : "";
            }
            contour.set(new ContourData(ids, postmiles, series.timeAt(first), STEP, t0 - first, levels, by, message));
        }, this::failed);
    }

    private ComparisonData comparisonOf(Optional<EvaluationSummary> evaluation, String problem) {
        if (evaluation.isEmpty()) {
            return ComparisonData.empty(problem.isEmpty()
                    ? "No evaluation found under " + source.evaluations() + ". Run 'flowcast evaluate' (or 'flowcast demo') to compare models here."
                    : problem);
        }
        EvaluationSummary summary = evaluation.get();
        int horizon = summary.protocol().horizon();
        List<Integer> steps = new ArrayList<>();
        for (int step : Horizon.reportedSteps(horizon)) {
            steps.add(step);
        }
        List<String> columns = new ArrayList<>();
        for (int step : steps) {
            columns.add("MAE @" + step);
        }
        columns.addAll(List.of("MAE avg", "RMSE avg", "MAPE avg %"));
        List<ComparisonData.Row> rows = new ArrayList<>();
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (EvaluationSummary.ModelSummary m : summary.models()) {
            List<Double> values = new ArrayList<>();
            for (int step : steps) {
                values.add(m.mae()[step - 1]);
            }
            values.add(m.maeAverage());
            values.add(m.rmseAverage());
            values.add(m.mapeAverage());
            rows.add(new ComparisonData.Row(m.model(), values));
            curves.put(m.model(), m.mae().clone());
        }
        int[] best = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            for (int r = 1; r < rows.size(); r++) {
                if (rows.get(r).values().get(c) < rows.get(best[c]).values().get(c)) {
                    best[c] = r;
                }
            }
        }
        String from = summary.protocol().data() + " · " + summary.protocol().testWindows() + " test windows · " + summary.createdAt();
        return new ComparisonData(from, columns, rows, best, curves, "");
    }

    private void refreshComparisonHighlight() {
        shownModel.set(selectedRun.get() == null ? "" : selectedRun.get().model());
    }

    private static double minutes(Instant t) {
        return t.getEpochSecond() / 60.0;
    }

    /** Formats a chart x value (minutes since the epoch) as a Pacific clock time. */
    public static String clock(double epochMinutes) {
        return DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(PemsTime.ZONE).format(Instant.ofEpochSecond(Math.round(epochMinutes * 60)));
    }

    /** Formats a time as the dashboard shows it. */
    public static String when(Instant t) {
        return WHEN.format(t);
    }

    // ---- properties ------------------------------------------------------------------------------

    public ObservableList<StationTile> stations() {
        return stations;
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

    public ReadOnlyIntegerProperty lastOriginProperty() {
        return lastOrigin.getReadOnlyProperty();
    }

    public ObjectProperty<ColourBy> colourByProperty() {
        return colourBy;
    }

    public ReadOnlyStringProperty originTextProperty() {
        return originText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty corridorTextProperty() {
        return corridorText.getReadOnlyProperty();
    }

    /** Non-empty while there is nothing to show, saying why and what to do. */
    /** Why the last load failed (an unknown corridor, an unreadable database); empty after a load that worked. */
    public ReadOnlyStringProperty loadFailureProperty() {
        return loadFailure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<ForecastChartData> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AttentionData> attentionProperty() {
        return attention.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ContourData> contourProperty() {
        return contour.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ComparisonData> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The past interval the pointer rests on in the attention heat map, or null. */
    public ReadOnlyObjectProperty<TimeRange> highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    /** The model whose forecasts are shown, for marking its row in the comparison. */
    public ReadOnlyStringProperty shownModelProperty() {
        return shownModel.getReadOnlyProperty();
    }
}
