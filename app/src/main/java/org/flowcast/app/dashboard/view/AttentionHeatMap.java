package org.flowcast.app.dashboard.view;

import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.flowcast.app.dashboard.viewmodel.AttentionData;
import org.flowcast.app.dashboard.viewmodel.DashboardText;
import org.flowcast.app.dashboard.viewmodel.StationForecastViewModel;

/**
 * Attention weights as a heat map: forecast origins down, past five-minute steps across (the origin
 * itself rightmost). Pointing at a cell highlights the interval it weighs on the forecast chart.
 */
final class AttentionHeatMap extends VBox {
    private static final Color LOW = Color.web("#f7fbff");
    private static final Color HIGH = Color.web("#08306b");

    private final StationForecastViewModel model;
    private final GridPane grid = new GridPane();
    private final Label message = new Label();

    AttentionHeatMap(StationForecastViewModel model) {
        this.model = model;
        setId("attention");
        setSpacing(4);
        setPadding(new Insets(6));
        Label title = new Label("Attention: which past steps drove each forecast");
        title.setStyle("-fx-font-weight: bold;");
        message.setId("attentionMessage");
        message.setWrapText(true);
        grid.setHgap(1);
        grid.setVgap(1);
        getChildren().addAll(title, message, grid);
        model.attentionProperty().addListener((o, a, b) -> show(b));
        show(model.attentionProperty().get());
    }

    private void show(AttentionData data) {
        grid.getChildren().clear();
        message.setText(data.message());
        message.setVisible(!data.message().isEmpty());
        message.setManaged(message.isVisible());
        int lags = data.lags();
        if (lags == 0) {
            return;
        }
        float max = 0;
        for (float[] row : data.weights()) {
            for (float w : row) {
                max = Math.max(max, w);
            }
        }
        for (int lag = 0; lag < lags; lag++) {
            int minutesBack = (lags - 1 - lag) * (int) data.step().toMinutes();
            Label head = new Label(minutesBack == 0 ? "0" : "−" + minutesBack);
            head.setStyle("-fx-font-size: 10px;");
            GridPane.setHalignment(head, HPos.CENTER);
            grid.add(head, lag + 1, 0);
        }
        for (int r = 0; r < data.origins().size(); r++) {
            Label origin = new Label(DashboardText.clock(data.origins().get(r).getEpochSecond() / 60.0));
            origin.setStyle("-fx-font-size: 10px;");
            grid.add(origin, 0, r + 1);
            for (int lag = 0; lag < lags; lag++) {
                float w = data.weights()[r][lag];
                Rectangle cell = new Rectangle(30, 19, LOW.interpolate(HIGH, max == 0 ? 0 : w / max));
                cell.setId("attention-" + r + "-" + lag);
                final int row = r;
                final int column = lag;
                cell.setOnMouseEntered(e -> {
                    cell.setStroke(Color.web("#ff7f0e"));
                    model.pointAt(row, column);
                });
                cell.setOnMouseExited(e -> {
                    cell.setStroke(null);
                    model.clearPointer();
                });
                Tooltip.install(cell, new Tooltip(String.format(Locale.ROOT, "forecast from %s\nweight %.3f on %s",
                        DashboardText.when(data.origins().get(r)), w, DashboardText.when(data.intervalStart(r, lag)))));
                grid.add(cell, lag + 1, r + 1);
            }
        }
        Label axis = new Label("minutes before each origin →");
        axis.setStyle("-fx-font-size: 10px;");
        grid.add(axis, 1, data.origins().size() + 1, lags, 1);
    }
}
