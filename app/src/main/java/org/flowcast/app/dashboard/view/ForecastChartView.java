package org.flowcast.app.dashboard.view;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import org.flowcast.app.dashboard.viewmodel.ForecastChartData;
import org.flowcast.app.dashboard.viewmodel.StationForecastViewModel;
import org.flowcast.core.TimeRange;

/**
 * Observed flow and the chosen run's forecast for one station: short and long horizons in distinct
 * styles over 80% and 95% interval bands, the origin as a vertical line and the interval the pointer
 * rests on in the attention map shaded. Scroll to zoom, drag to pan, double-click to reset.
 */
final class ForecastChartView extends StackPane {
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final BandedChart chart = new BandedChart(x, y);
    private final Label message = ChartParts.overlayMessage("chartMessage");
    private final StationForecastViewModel model;
    private double[] fullRange = {0, 1};
    private double dragFrom = Double.NaN;

    ForecastChartView(StationForecastViewModel model) {
        this.model = model;
        setId("forecastChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        // room for a two-line title, the legend and an axis long enough for its label: the panel scrolls below it
        chart.setMinHeight(280);
        chart.setPrefHeight(280);
        x.setAutoRanging(false);
        y.setAutoRanging(false);
        x.setLabel("time (Pacific)");
        y.setLabel("flow (veh / 5 min)");
        ChartParts.clockTicks(x);
        getChildren().addAll(chart, message);
        model.chartProperty().addListener((o, a, b) -> show(b));
        model.highlightedProperty().addListener((o, a, b) -> chart.redrawOverlays());
        installZoomAndPan();
        show(model.chartProperty().get());
    }

    LineChart<Number, Number> chart() {
        return chart;
    }

    private void show(ForecastChartData data) {
        chart.setTitle(data.title());
        ObservableList<XYChart.Series<Number, Number>> series = FXCollections.observableArrayList(
                series("observed", data.observedBefore()),
                series("observed after origin", data.observedAfter()));
        // the forecast's lines only where there is a forecast, so that the legend names none that is not drawn
        if (!data.shortLabel().isEmpty()) {
            series.add(series(data.shortLabel(), data.shortForecast()));
        }
        if (!data.longLabel().isEmpty()) {
            series.add(series(data.longLabel(), data.longForecast()));
        }
        chart.data = data;
        chart.setData(series);
        message.setText(data.message());
        message.setVisible(!data.message().isEmpty());
        resetRange(data);
    }

    private static XYChart.Series<Number, Number> series(String name, List<ForecastChartData.Point> points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (ForecastChartData.Point p : points) {
            s.getData().add(new XYChart.Data<>(p.x(), p.y()));
        }
        return s;
    }

    private void resetRange(ForecastChartData data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double top = 0;
        for (List<ForecastChartData.Point> points : List.of(data.observedBefore(), data.observedAfter(), data.shortForecast(),
                data.longForecast())) {
            for (ForecastChartData.Point p : points) {
                lo = Math.min(lo, p.x());
                hi = Math.max(hi, p.x());
                top = Math.max(top, p.y());
            }
        }
        for (ForecastChartData.Band b : data.band95()) {
            top = Math.max(top, b.upper());
        }
        if (lo > hi) {
            lo = 0;
            hi = 60;
        }
        fullRange = new double[] {lo, hi};
        setXRange(lo, hi);
        double upper = top <= 0 ? 10 : top * 1.08;
        double tick = niceTick(upper);
        y.setLowerBound(0);
        y.setUpperBound(Math.ceil(upper / tick) * tick);
        y.setTickUnit(tick);
    }

    private void setXRange(double lo, double hi) {
        x.setLowerBound(lo);
        x.setUpperBound(hi);
        double span = hi - lo;
        x.setTickUnit(span > 600 ? 120 : span > 240 ? 60 : span > 90 ? 30 : span > 30 ? 10 : 5);
    }

    private static double niceTick(double range) {
        double raw = range / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double[] steps = {1, 2, 2.5, 5, 10};
        for (double s : steps) {
            if (s * magnitude >= raw) {
                return s * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private void installZoomAndPan() {
        chart.setOnScroll(e -> {
            double lo = x.getLowerBound();
            double hi = x.getUpperBound();
            double at = x.getValueForDisplay(x.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()).doubleValue();
            double factor = e.getDeltaY() > 0 ? 0.8 : 1.25;
            double newLo = at - (at - lo) * factor;
            double newHi = at + (hi - at) * factor;
            if (newHi - newLo >= 15) {
                setXRange(Math.max(fullRange[0], newLo), Math.min(fullRange[1], newHi));
            }
        });
        chart.setOnMousePressed(e -> dragFrom = x.getValueForDisplay(x.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()).doubleValue());
        chart.setOnMouseDragged(e -> {
            if (Double.isNaN(dragFrom)) {
                return;
            }
            double now = x.getValueForDisplay(x.sceneToLocal(e.getSceneX(), e.getSceneY()).getX()).doubleValue();
            double shift = dragFrom - now;
            double lo = x.getLowerBound() + shift;
            double hi = x.getUpperBound() + shift;
            if (lo >= fullRange[0] && hi <= fullRange[1]) {
                setXRange(lo, hi);
            }
        });
        chart.setOnMouseReleased(e -> dragFrom = Double.NaN);
        chart.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                setXRange(fullRange[0], fullRange[1]);
            }
        });
    }

    /** A line chart that also draws interval bands, the origin line and the highlighted interval. */
    private final class BandedChart extends LineChart<Number, Number> {
        private final Polygon band95 = band(Color.web("#1f77b4", 0.12));
        private final Polygon band80 = band(Color.web("#1f77b4", 0.25));
        private final Rectangle highlight = new Rectangle();
        private final Line originLine = new Line();
        private ForecastChartData data = ForecastChartData.empty("");

        BandedChart(NumberAxis x, NumberAxis y) {
            super(x, y);
            highlight.setFill(Color.web("#ff7f0e", 0.35));
            highlight.setId("highlight");
            highlight.setManaged(false);
            originLine.setStroke(Color.web("#555"));
            originLine.getStrokeDashArray().setAll(4.0, 4.0);
            originLine.setManaged(false);
            getPlotChildren().addAll(0, List.of(band95, band80, highlight, originLine));
        }

        void redrawOverlays() {
            requestChartLayout();
        }

        private static Polygon band(Color colour) {
            Polygon p = new Polygon();
            p.setFill(colour);
            p.setStroke(null);
            p.setManaged(false);
            return p;
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            fill(band95, data.band95());
            fill(band80, data.band80());
            double top = getYAxis().getDisplayPosition(((NumberAxis) getYAxis()).getUpperBound());
            double bottom = getYAxis().getDisplayPosition(0);
            if (Double.isNaN(data.originX())) {
                originLine.setVisible(false);
            } else {
                double ox = getXAxis().getDisplayPosition(data.originX());
                originLine.setStartX(ox);
                originLine.setEndX(ox);
                originLine.setStartY(top);
                originLine.setEndY(bottom);
                originLine.setVisible(true);
            }
            TimeRange interval = model.highlightedProperty().get();
            if (interval == null) {
                highlight.setVisible(false);
            } else {
                double from = getXAxis().getDisplayPosition(interval.from().getEpochSecond() / 60.0);
                double to = getXAxis().getDisplayPosition(interval.to().getEpochSecond() / 60.0);
                highlight.setX(Math.min(from, to));
                highlight.setWidth(Math.max(3, Math.abs(to - from)));
                highlight.setY(top);
                highlight.setHeight(bottom - top);
                highlight.setVisible(true);
            }
        }

        private void fill(Polygon polygon, List<ForecastChartData.Band> bands) {
            polygon.getPoints().clear();
            for (ForecastChartData.Band b : bands) {
                polygon.getPoints().addAll(getXAxis().getDisplayPosition(b.x()), getYAxis().getDisplayPosition(b.upper()));
            }
            for (int i = bands.size() - 1; i >= 0; i--) {
                ForecastChartData.Band b = bands.get(i);
                polygon.getPoints().addAll(getXAxis().getDisplayPosition(b.x()), getYAxis().getDisplayPosition(Math.max(0, b.lower())));
            }
        }
    }
}
