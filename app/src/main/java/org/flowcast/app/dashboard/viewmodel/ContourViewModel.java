package org.flowcast.app.dashboard.viewmodel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.flowcast.app.dashboard.data.DashboardReads;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.data.StationForecast;
import org.flowcast.core.Horizon;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;

/**
 * The space–time contour: every station's traffic over the hours before the origin and, when coloured
 * by flow, the run's forecasts after it.
 */
public final class ContourViewModel {
    /** Steps of observations before the origin (3 hours). */
    public static final int CONTOUR_HISTORY = 36;

    private final DashboardSelection selection;
    private final DashboardReads source;
    private final TaskExecutor executor;
    private final Consumer<Exception> failed;
    private long generation;
    private final ReadOnlyObjectWrapper<ContourData> contour = new ReadOnlyObjectWrapper<>(ContourData.empty(""));

    ContourViewModel(DashboardSelection selection, DashboardReads source, TaskExecutor executor, Consumer<Exception> failed) {
        this.selection = selection;
        this.source = source;
        this.executor = executor;
        this.failed = failed;
        selection.selectedRunProperty().addListener((o, a, b) -> refresh());
        selection.originProperty().addListener((o, a, b) -> refresh());
        selection.colourByProperty().addListener((o, a, b) -> refresh());
    }

    void refresh() {
        if (!selection.ready()) {
            return;
        }
        long current = ++generation;
        SensorSeries series = selection.series();
        RunChoice run = selection.selectedRunProperty().get();
        ColourBy by = selection.colourByProperty().get();
        int t0 = selection.originProperty().get();
        Instant at = selection.originTime();
        List<Integer> ids = series.stations().stream().map(Station::id).toList();
        boolean wantForecast = run != null && by == ColourBy.FLOW;
        executor.execute(() -> {
            if (current != generation) {
                return null;
            }
            return wantForecast ? source.forecastsAt(run.id(), ids, at) : Map.<Integer, StationForecast>of();
        }, forecasts -> {
            if (forecasts == null || current != generation) {
                return;
            }
            contour.set(contourOf(series, run, by, t0, ids, forecasts));
        }, failed);
    }

    private ContourData contourOf(SensorSeries series, RunChoice run, ColourBy by, int t0, List<Integer> ids,
                                  Map<Integer, StationForecast> forecasts) {
        int first = Math.max(0, t0 - CONTOUR_HISTORY);
        int horizon = run == null ? Horizon.STANDARD.steps() : run.horizon();
        int steps = t0 - first + 1 + horizon;
        double[][] levels = new double[steps][series.stationCount()];
        for (int i = 0; i < steps; i++) {
            int t = first + i;
            for (int s = 0; s < series.stationCount(); s++) {
                if (t <= t0) {
                    levels[i][s] = t < series.length() ? selection.levelAt(t, s) : Double.NaN;
                } else {
                    StationForecast f = forecasts.get(ids.get(s));
                    int h = t - t0;
                    levels[i][s] = f == null || h > f.steps() ? Double.NaN : TrafficLevel.ofFlow(f.value(h),
                            series.stations().get(s).lanes());
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
        return new ContourData(ids, postmiles, series.timeAt(first), DashboardSelection.STEP, t0 - first, levels, by, message);
    }

    public ReadOnlyObjectProperty<ContourData> contourProperty() {
        return contour.getReadOnlyProperty();
    }
}
