package org.flowcast.app.dashboard.view;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.flowcast.app.dashboard.viewmodel.ContributionData;
import org.flowcast.app.dashboard.viewmodel.ForecastChartData;
import org.flowcast.app.dashboard.viewmodel.StationForecastViewModel;

/**
 * What drove the chosen forecast: one line per additive part of the model's forecast (the Conv-LSTM's
 * recurrent head, seasonal skip and linear skip) at every horizon step, and the forecast they add up to.
 */
final class ContributionChartView extends StackPane {
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final Label message = ChartParts.overlayMessage("contributionsMessage");

    ContributionChartView(StationForecastViewModel model) {
        setId("contributions");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        // room for a two-line title, the legend and an axis long enough for its label: the panel scrolls below it
        chart.setMinHeight(200);
        chart.setPrefHeight(200);
        x.setForceZeroInRange(false);
        ChartParts.clockTicks(x);
        getChildren().addAll(chart, message);
        model.contributionsProperty().addListener((o, a, b) -> show(b));
        show(model.contributionsProperty().get());
    }

    private void show(ContributionData data) {
        chart.setTitle(data.title().isEmpty() ? "What drove this forecast" : data.title());
        chart.getData().clear();
        for (ContributionData.Line part : data.parts()) {
            chart.getData().add(series(part));
        }
        if (!data.parts().isEmpty()) {
            XYChart.Series<Number, Number> total = series(data.forecast());
            chart.getData().add(total);
            // in ink whatever the number of parts before it
            total.getNode().setStyle("-fx-stroke: #222222; -fx-stroke-width: 2.5px; -fx-stroke-dash-array: 6 4;");
        }
        // without parts nothing is drawn, and the axes go blank with it rather than keep the previous origin's times
        boolean drawn = !data.parts().isEmpty();
        for (NumberAxis axis : new NumberAxis[] {x, y}) {
            axis.setTickLabelsVisible(drawn);
            axis.setTickMarkVisible(drawn);
            axis.setMinorTickVisible(drawn);
        }
        x.setLabel(drawn ? "forecast time (Pacific)" : "");
        y.setLabel(drawn ? "veh / 5 min" : "");
        chart.setHorizontalGridLinesVisible(drawn);
        chart.setVerticalGridLinesVisible(drawn);
        message.setText(data.message());
        message.setVisible(!data.message().isEmpty());
    }

    private static XYChart.Series<Number, Number> series(ContributionData.Line line) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(line.name());
        for (ForecastChartData.Point p : line.points()) {
            s.getData().add(new XYChart.Data<>(p.x(), p.y()));
        }
        return s;
    }
}
