package org.flowcast.app.dashboard.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowcast.app.dashboard.data.CorridorOutlook;
import org.flowcast.app.dashboard.data.DashboardReads;
import org.flowcast.app.dashboard.data.LiveAccuracy;
import org.flowcast.app.dashboard.data.StationForecast;
import org.flowcast.core.Station;

/**
 * The district overview: one row per corridor, its stations in corridor order, each coloured by the
 * congestion its stored forecast says is coming over the run's horizon (at most two hours): the highest lane utilisation
 * (forecast flow over a nominal 2,000 veh/h per lane) over the forecast's steps up to 24 (2 hours) from
 * the corridor's newest forecast origin; the rows and the summary say how far ahead that is (a 12-step run: the next
 * hour). Near capacity is 90% and over (where the Highway Capacity
 * Manual's level of service E begins), busy 75-90%, free below; a station without a forecast is unknown (grey).
 * The tiles' flow scale turns red at 70%, which at a weekday peak paints a whole district red. A corridor whose live
 * model has drifted ({@link DriftRule}) is marked.
 */
public final class DistrictViewModel {
    /** Steps of the next two hours. */
    static final int TWO_HOURS = 24;

    /** Utilisations at which a station is busy and near capacity. */
    static final double BUSY = 0.75;
    static final double NEAR_CAPACITY = 0.90;

    /** One station of a row: its peak utilisation over the forecast's horizon (NaN without a forecast) and what that means. */
    public record Cell(int stationId, String label, double level, TrafficLevel.Condition condition) {
    }

    /**
     * One corridor: its stations, how many are forecast congested, what the forecast is, how far ahead it looks ("the next
     * hour"; empty without a forecast), and its drift mark (empty: none).
     */
    public record Row(String corridor, List<Cell> cells, int congested, int slowing, String outlook, String ahead, String drift) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** What a refresh reads: every corridor's newest forecasts and the live runs' realised accuracy. */
    private record Reads(List<CorridorOutlook> outlooks, List<LiveAccuracy> live) {
    }

    private final DashboardReads source;
    private final TaskExecutor executor;
    private final Consumer<Exception> failed;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private boolean reading;

    DistrictViewModel(DashboardReads source, TaskExecutor executor, Consumer<Exception> failed) {
        this.source = source;
        this.executor = executor;
        this.failed = failed;
    }

    /** Reads every corridor's newest forecasts and live accuracy again and shows what changed; not while a read is under way. */
    public void refresh() {
        if (reading) {
            return;
        }
        reading = true;
        if (rows.isEmpty()) {
            summary.set("Reading the district's forecasts…");
        }
        executor.execute(() -> new Reads(source.district(), source.liveAccuracy(null)), this::show, e -> {
            reading = false;
            summary.set("");
            failed.accept(e);
        });
    }

    private void show(Reads reads) {
        reading = false;
        Map<String, List<LiveAccuracy>> live = new LinkedHashMap<>();
        reads.live().forEach(a -> live.computeIfAbsent(a.corridor(), k -> new ArrayList<>()).add(a));
        List<Row> made = reads.outlooks().stream().map(o -> row(o, DriftRule.mark(live.getOrDefault(o.corridor(), List.of())))).toList();
        if (!made.equals(rows)) {
            rows.setAll(made);
        }
        long withForecast = reads.outlooks().stream().filter(o -> o.run().isPresent()).count();
        long troubled = made.stream().filter(r -> r.congested() > 0).count();
        long drifted = made.stream().filter(r -> !r.drift().isEmpty()).count();
        List<String> horizons = made.stream().map(Row::ahead).filter(a -> !a.isEmpty()).distinct().toList();
        String ahead = horizons.size() == 1 ? horizons.get(0) : "each corridor's forecast horizon (up to 2 hours)";
        summary.set(String.format(Locale.ROOT, "%d corridors, %d with stored forecasts · %d with a station forecast near capacity in %s%s "
                + "· colours: the highest lane use forecast over %s", reads.outlooks().size(), withForecast, troubled, ahead,
                drifted == 0 ? "" : " · " + drifted + " drifted", ahead));
    }

    static Row row(CorridorOutlook outlook, String drift) {
        List<Cell> cells = new ArrayList<>();
        int congested = 0;
        int slowing = 0;
        for (Station station : outlook.stations()) {
            StationForecast forecast = outlook.forecasts().get(station.id());
            double level = forecast == null ? Double.NaN : peakUtilisation(forecast, station.lanes());
            TrafficLevel.Condition condition = conditionOf(level);
            congested += condition == TrafficLevel.Condition.CONGESTED ? 1 : 0;
            slowing += condition == TrafficLevel.Condition.SLOWING ? 1 : 0;
            cells.add(new Cell(station.id(), station.id() + (station.name().isEmpty() ? "" : " " + station.name()), level, condition));
        }
        int congestedStations = congested;
        int slowingStations = slowing;
        int steps = outlook.forecasts().values().stream().mapToInt(StationForecast::steps).max().orElse(0);
        String ahead = outlook.run().isEmpty() || steps == 0 ? "" : ahead(Math.min(TWO_HOURS, steps));
        String outlookText = outlook.run().map(run -> String.format(Locale.ROOT, "%s from %s: %d near capacity, %d busy in %s",
                run.model() + (run.live() ? " live" : ""),
                DashboardText.when(outlook.origin().orElseThrow()), congestedStations,
                        slowingStations, ahead)).orElse("no stored forecast: run 'flowcast forecast --corridor "
                + outlook.corridor() + " --latest'");
        return new Row(outlook.corridor(), cells, congested, slowing, outlookText, ahead, drift);
    }

    /** How far ahead a forecast of so many five-minute steps looks: "the next hour", "the next 2 hours", "the next 45 minutes". */
    static String ahead(int steps) {
        long minutes = DashboardSelection.STEP.toMinutes() * steps;
        if (minutes == 60) {
            return "the next hour";
        }
        return minutes % 60 == 0 ? "the next " + minutes / 60 + " hours" : "the next " + minutes + " minutes";
    }

    static TrafficLevel.Condition conditionOf(double utilisation) {
        if (Double.isNaN(utilisation)) {
            return TrafficLevel.Condition.UNKNOWN;
        }
        return utilisation >= NEAR_CAPACITY ? TrafficLevel.Condition.CONGESTED
                : utilisation >= BUSY ? TrafficLevel.Condition.SLOWING : TrafficLevel.Condition.FREE;
    }

    /** The highest lane utilisation over the forecast's first two hours; NaN where it holds no finite value. */
    static double peakUtilisation(StationForecast forecast, int lanes) {
        double peak = Double.NaN;
        for (int step = 1; step <= Math.min(TWO_HOURS, forecast.steps()); step++) {
            double level = TrafficLevel.perLaneHour(forecast.value(step), lanes) / 2000.0;
            if (!Double.isNaN(level) && (Double.isNaN(peak) || level > peak)) {
                peak = level;
            }
        }
        return peak;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
