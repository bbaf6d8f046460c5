package org.flowcast.app.dashboard.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowcast.app.dashboard.data.CorridorOutlook;
import org.flowcast.app.dashboard.data.DashboardReads;
import org.flowcast.app.dashboard.data.StationForecast;
import org.flowcast.core.Station;

/**
 * The district overview: one row per corridor, its stations in corridor order, each coloured by the
 * congestion its stored forecast says is coming in the next two hours: the highest lane utilisation
 * (forecast flow over a nominal 2,000 veh/h per lane) over the forecast's steps up to 24 (2 hours) from
 * the corridor's newest forecast origin. Near capacity is 90% and over (where the Highway Capacity
 * Manual's level of service E begins), busy 75-90%, free below; a station without a forecast is unknown (grey).
 * The tiles' flow scale turns red at 70%, which at a weekday peak paints a whole district red.
 */
public final class DistrictViewModel {
    /** Steps of the next two hours. */
    static final int TWO_HOURS = 24;

    /** Utilisations at which a station is busy and near capacity. */
    static final double BUSY = 0.75;
    static final double NEAR_CAPACITY = 0.90;

    /** One station of a row: its peak utilisation over the next two hours (NaN without a forecast) and what that means. */
    public record Cell(int stationId, String label, double level, TrafficLevel.Condition condition) {
    }

    /** One corridor: its stations, how many are forecast congested, and what the forecast is. */
    public record Row(String corridor, List<Cell> cells, int congested, int slowing, String outlook) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    private final DashboardReads source;
    private final TaskExecutor executor;
    private final Consumer<Exception> failed;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    DistrictViewModel(DashboardReads source, TaskExecutor executor, Consumer<Exception> failed) {
        this.source = source;
        this.executor = executor;
        this.failed = failed;
    }

    /** Reads every corridor's newest forecasts and shows them. */
    public void refresh() {
        summary.set("Reading the district's forecasts…");
        executor.execute(source::district, this::show, e -> {
            summary.set("");
            failed.accept(e);
        });
    }

    private void show(List<CorridorOutlook> outlooks) {
        List<Row> made = outlooks.stream().map(DistrictViewModel::row).toList();
        rows.setAll(made);
        long withForecast = outlooks.stream().filter(o -> o.run().isPresent()).count();
        long troubled = made.stream().filter(r -> r.congested() > 0).count();
        summary.set(String.format(Locale.ROOT, "%d corridors, %d with stored forecasts · %d with a station forecast near capacity in the "
                + "next 2 hours · colours: the highest lane use forecast over the next 2 hours", outlooks.size(), withForecast, troubled));
    }

    static Row row(CorridorOutlook outlook) {
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
        String outlookText = outlook.run().map(run -> String.format(Locale.ROOT, "%s from %s: %d near capacity, %d busy", run.model(),
                DashboardText.when(outlook.origin().orElseThrow()), congestedStations,
                        slowingStations)).orElse("no stored forecast: run 'flowcast forecast --corridor "
                + outlook.corridor() + " --latest'");
        return new Row(outlook.corridor(), cells, congested, slowing, outlookText);
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
