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
 * The space–time contour: every station's traffic over the hours before the origin, in the colouring chosen, and the
 * run's forecasts after it. Models forecast flow, so the forecast half is coloured by flow whatever the colouring: by
 * speed, the two halves are on two scales, which the legend names.
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
        refresh(() -> { });
    }

    /** Reads and shows the contour again; {@code shown} runs once it is shown (or the read failed or was overtaken). */
    void refresh(Runnable shown) {
        if (!selection.ready()) {
            shown.run();
            return;
        }
        long current = ++generation;
        SensorSeries series = selection.series();
        RunChoice run = selection.selectedRunProperty().get();
        ColourBy by = selection.colourByProperty().get();
        int t0 = selection.originProperty().get();
        Instant at = selection.originTime();
        List<Integer> ids = series.stations().stream().map(Station::id).toList();
        executor.execute(() -> {
            if (current != generation) {
                return null;
            }
            return run != null ? source.forecastsAt(run.id(), ids, at) : Map.<Integer, StationForecast>of();
        }, forecasts -> {
            if (forecasts != null && current == generation) {
                contour.set(contourOf(series, run, by, t0, ids, forecasts));
            }
            shown.run();
        }, e -> {
            shown.run();
            failed.accept(e);
        });
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
        } else {
            message = forecasts.isEmpty() ? "Run " + run.id() + " has no forecast from this origin." : "";
        }
        return new ContourData(ids, postmiles, series.timeAt(first), DashboardSelection.STEP, t0 - first, levels, by,
                legendOf(by, !forecasts.isEmpty()), message);
    }

    /** The scales the contour is coloured on: the observed half's in the colouring chosen and, where shown, the forecast's flow. */
    static List<ContourData.Scale> legendOf(ColourBy by, boolean forecastShown) {
        ContourData.Scale flow = new ContourData.Scale("lane use", "30%", "90%");
        if (by == ColourBy.FLOW) {
            return List.of(flow.named(forecastShown ? "observed and forecast flow, lane use" : "observed flow, lane use"));
        }
        ContourData.Scale speed = new ContourData.Scale(forecastShown ? "left of the line: observed speed" : "observed speed", "65 mph",
                "25 mph");
        return forecastShown ? List.of(speed, flow.named("right: forecast flow, lane use")) : List.of(speed);
    }

    public ReadOnlyObjectProperty<ContourData> contourProperty() {
        return contour.getReadOnlyProperty();
    }
}
