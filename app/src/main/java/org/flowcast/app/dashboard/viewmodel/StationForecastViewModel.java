package org.flowcast.app.dashboard.viewmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.flowcast.app.dashboard.data.DashboardReads;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.data.StationForecast;
import org.flowcast.core.Channel;
import org.flowcast.core.Horizon;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.store.StoredPart;

/**
 * The chosen station's panels: its observed flow with the run's short and long forecasts and their
 * intervals, the attention behind them, and the past interval an attention cell points at. Reads go
 * through the {@link TaskExecutor}; a result that arrives after a newer choice is dropped.
 */
public final class StationForecastViewModel {
    /** Steps of observed flow shown before the origin (6 hours). */
    public static final int HISTORY_STEPS = 72;
    /** Origins shown as rows of the attention heat map. */
    public static final int ATTENTION_ROWS = 12;
    private static final Duration STEP = DashboardSelection.STEP;

    private final DashboardSelection selection;
    private final DashboardReads source;
    private final TaskExecutor executor;
    private final Consumer<Exception> failed;
    private long generation;

    private final ReadOnlyObjectWrapper<ForecastChartData> chart = new ReadOnlyObjectWrapper<>(ForecastChartData.empty(""));
    private final ReadOnlyObjectWrapper<AttentionData> attention = new ReadOnlyObjectWrapper<>(AttentionData.empty(""));
    private final ReadOnlyObjectWrapper<TimeRange> highlighted = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ContributionData> contributions = new ReadOnlyObjectWrapper<>(ContributionData.empty(""));
    private final ReadOnlyStringWrapper pointed = new ReadOnlyStringWrapper("");

    StationForecastViewModel(DashboardSelection selection, DashboardReads source, TaskExecutor executor, Consumer<Exception> failed) {
        this.selection = selection;
        this.source = source;
        this.executor = executor;
        this.failed = failed;
        selection.selectedStationProperty().addListener((o, a, b) -> refresh());
        selection.selectedRunProperty().addListener((o, a, b) -> refresh());
        selection.originProperty().addListener((o, a, b) -> refresh());
    }

    /** What a refresh reads. */
    private record Reads(Optional<StationForecast> forecast, SortedMap<Instant, float[]> attention, List<StoredPart> parts) {
    }

    void refresh() {
        refresh(() -> { });
    }

    /** Reads and shows the panels again; {@code shown} runs once they are shown (or the read failed or was overtaken). */
    void refresh(Runnable shown) {
        if (!selection.ready()) {
            shown.run();
            return;
        }
        long current = ++generation;
        Optional<Station> station = selection.station();
        if (station.isEmpty()) {
            chart.set(ForecastChartData.empty("Choose a station on the corridor above."));
            attention.set(AttentionData.empty(""));
            shown.run();
            return;
        }
        RunChoice run = selection.selectedRunProperty().get();
        Instant at = selection.originTime();
        int stationId = station.get().id();
        if (run == null) {
            chart.set(chartOf(station.get(), Optional.empty(), null));
            attention.set(AttentionData.empty("No forecasts in the database yet: run 'flowcast forecast --model FILE' "
                    + "(or 'flowcast demo') to see a model's forecasts and attention here."));
            contributions.set(ContributionData.empty(""));
            shown.run();
            return;
        }
        executor.execute(() -> {
            if (current != generation) {
                return null;
            }
            Optional<StationForecast> forecast = Optional.ofNullable(source.forecasts(run.id(), stationId, new TimeRange(at,
                    at.plus(STEP))).get(at));
            TimeRange rows = new TimeRange(at.minus(STEP.multipliedBy(ATTENTION_ROWS - 1L)), at.plus(STEP));
            return new Reads(forecast, source.attention(run.id(), stationId, rows),
                    forecast.isPresent() ? source.parts(run.id(), stationId, at) : List.of());
        }, reads -> {
            if (reads == null || current != generation) {
                shown.run();
                return;
            }
            chart.set(chartOf(station.get(), reads.forecast(), run));
            attention.set(attentionOf(reads.attention(), run, at, reads.forecast().isPresent()));
            contributions.set(contributionsOf(station.get(), reads.forecast(), reads.parts(), run, at));
            highlighted.set(null);
            pointed.set("");
            shown.run();
        }, e -> {
            shown.run();
            failed.accept(e);
        });
    }

    private ForecastChartData chartOf(Station station, Optional<StationForecast> forecast, RunChoice run) {
        SensorSeries series = selection.series();
        int s = series.stationIndex(station.id());
        int t0 = selection.originProperty().get();
        Instant originTime = selection.originTime();
        int horizon = forecast.map(StationForecast::steps).orElse(run == null ? Horizon.STANDARD.steps() : run.horizon());
        List<ForecastChartData.Point> before = new ArrayList<>();
        List<ForecastChartData.Point> after = new ArrayList<>();
        boolean any = false;
        for (int t = Math.max(0, t0 - HISTORY_STEPS); t <= Math.min(series.length() - 1, t0 + horizon); t++) {
            if (series.state(t, s, Channel.FLOW) == ValueState.MISSING) {
                continue;
            }
            ForecastChartData.Point p = new ForecastChartData.Point(DashboardText.minutes(series.timeAt(t)), series.value(t, s,
                    Channel.FLOW));
            (t <= t0 ? before : after).add(p);
            any = true;
        }
        List<ForecastChartData.Point> shortPart = new ArrayList<>();
        List<ForecastChartData.Point> longPart = new ArrayList<>();
        List<ForecastChartData.Band> band80 = new ArrayList<>();
        List<ForecastChartData.Band> band95 = new ArrayList<>();
        String message = any ? "" : "Station " + station.id() + " has no readings around " + DashboardText.when(originTime) + ".";
        if (forecast.isPresent()) {
            StationForecast f = forecast.get();
            for (int h = 1; h <= f.steps(); h++) {
                double x = DashboardText.minutes(f.origin().plus(STEP.multipliedBy(h)));
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
            message = "Run " + run.id() + " (" + run.model() + ") has no forecast from " + DashboardText.when(originTime)
                    + "; its origins run from " + DashboardText.when(run.origins().from()) + " to "
                    + DashboardText.when(run.origins().to().minus(STEP)) + ".";
        }
        String title = "Station " + station.id() + (station.name().isEmpty() ? "" : " " + station.name())
                + (Double.isNaN(station.absolutePostmile()) ? "" : String.format(Locale.ROOT, " (PM %.1f)", station.absolutePostmile()))
                + " — forecast from " + DashboardText.when(originTime)
                + (run == null ? "" : " by " + run.model() + (run.live() ? " live" : ""));
        return new ForecastChartData(title, before, after, shortPart, longPart, band80, band95, DashboardText.minutes(originTime), message);
    }

    private static AttentionData attentionOf(SortedMap<Instant, float[]> rows, RunChoice run, Instant at, boolean forecastAt) {
        // without a forecast at the origin there is no attention there either, whatever the model: say so, not that the
        // model lacks attention, and keep the rows of the origins before it where there are some
        String noForecast = "There is no forecast at this origin: run " + run.id() + " (" + run.model() + ") has none from "
                + DashboardText.when(at) + ", so no attention either.";
        if (rows.isEmpty()) {
            return AttentionData.empty(forecastAt ? "The " + run.model() + " model has no attention weights; choose an attention "
                    + "model (at-conv-lstm) to see which past steps drove its forecasts." : noForecast);
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
        String message = !forecastAt ? noForecast : rows.containsKey(at) ? "" : "No attention at the chosen origin.";
        return new AttentionData(origins, weights.toArray(new float[0][]), STEP, message);
    }

    private static ContributionData contributionsOf(Station station, Optional<StationForecast> forecast,
                                                    List<StoredPart> parts, RunChoice run, Instant at) {
        if (forecast.isEmpty()) {
            return ContributionData.empty("No forecast from " + DashboardText.when(at) + " to break down.");
        }
        if (parts.isEmpty()) {
            return ContributionData.empty("The " + run.model() + " forecast is not kept as a sum of parts; choose at-conv-lstm "
                    + "to see how much came from recent traffic (the recurrent head), the same time a day and a week "
                    + "earlier (the seasonal skip) and the linear skip.");
        }
        StationForecast f = forecast.get();
        List<ContributionData.Line> lines = new ArrayList<>();
        for (StoredPart part : parts) {
            float[] values = part.values();
            List<ForecastChartData.Point> points = new ArrayList<>();
            for (int h = 1; h <= Math.min(values.length, f.steps()); h++) {
                points.add(new ForecastChartData.Point(DashboardText.minutes(at.plus(STEP.multipliedBy(h))), values[h - 1]));
            }
            lines.add(new ContributionData.Line(part.name(), points));
        }
        List<ForecastChartData.Point> total = new ArrayList<>();
        for (int h = 1; h <= f.steps(); h++) {
            total.add(new ForecastChartData.Point(DashboardText.minutes(at.plus(STEP.multipliedBy(h))), f.value(h)));
        }
        return new ContributionData("What drove the " + run.model() + " forecast for station " + station.id() + " from "
                + DashboardText.when(at), lines, new ContributionData.Line("forecast", total), "");
    }

    /**
     * Pointing at an attention cell highlights the past interval it weighs on the chart, and says its
     * weight against the uniform weight 1/P.
     */
    public void pointAt(int row, int lag) {
        AttentionData data = attention.get();
        if (row < 0 || row >= data.origins().size() || lag < 0 || lag >= data.lags()) {
            clearPointer();
            return;
        }
        Instant start = data.intervalStart(row, lag);
        highlighted.set(new TimeRange(start, start.plus(STEP)));
        pointed.set(String.format(Locale.ROOT, "weight %.3f (%.2f× the uniform 1/%d = %.3f) on %s–%s, for the forecast from %s",
                data.weights()[row][lag], data.relativeToUniform(row, lag), data.lags(), data.uniform(), DashboardText.clock(start),
                DashboardText.clock(start.plus(STEP)), DashboardText.when(data.origins().get(row))));
    }

    public void clearPointer() {
        highlighted.set(null);
        pointed.set("");
    }

    /** What the attention cell under the pointer says; empty when the pointer is on none. */
    public ReadOnlyStringProperty pointedProperty() {
        return pointed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ContributionData> contributionsProperty() {
        return contributions.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ForecastChartData> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AttentionData> attentionProperty() {
        return attention.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TimeRange> highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }
}
