package org.flowcast.app.dashboard.view;

import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.flowcast.app.dashboard.viewmodel.AttentionData;
import org.flowcast.app.dashboard.viewmodel.DashboardText;
import org.flowcast.app.dashboard.viewmodel.StationForecastViewModel;

/**
 * Attention weights as a heat map: forecast origins down, past five-minute steps across (the origin
 * itself rightmost). Colours are relative to the uniform weight 1/P on a diverging scale, white where a
 * step gets its flat share, blue below and red above (saturating at a quarter and at four times it), so
 * that a flat map reads as flat. Pointing at a cell shows its weight and highlights the interval it
 * weighs on the forecast chart.
 */
final class AttentionHeatMap extends VBox {
    private static final Color BELOW = Color.web("#2166ac");
    private static final Color FLAT = Color.WHITE;
    private static final Color ABOVE = Color.web("#b2182b");
    /** The scale saturates at 2^±SATURATION times the uniform weight. */
    private static final double SATURATION = 2;

    private final StationForecastViewModel model;
    private final GridPane grid = new GridPane();
    private final Label message = new Label();
    private final Label pointed = new Label();
    private final FlowPane legend = legend();

    AttentionHeatMap(StationForecastViewModel model) {
        this.model = model;
        setId("attention");
        setSpacing(4);
        setPadding(new Insets(6));
        Label title = new Label("Attention: which past steps drove each forecast");
        title.setStyle("-fx-font-weight: bold;");
        title.setWrapText(true);
        message.setId("attentionMessage");
        message.setWrapText(true);
        grid.setHgap(1);
        grid.setVgap(1);
        pointed.setId("attentionPointed");
        pointed.setStyle("-fx-font-size: 11px;");
        pointed.textProperty().bind(model.pointedProperty());
        getChildren().addAll(title, message, legend, grid, pointed);
        model.attentionProperty().addListener((o, a, b) -> show(b));
        show(model.attentionProperty().get());
    }

    private void show(AttentionData data) {
        grid.getChildren().clear();
        message.setText(data.message());
        message.setVisible(!data.message().isEmpty());
        message.setManaged(message.isVisible());
        int lags = data.lags();
        legend.setVisible(lags > 0);
        legend.setManaged(lags > 0);
        if (lags == 0) {
            return;
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
                Rectangle cell = new Rectangle(30, 18, colour(data.relativeToUniform(r, lag)));
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
                Tooltip.install(cell, new Tooltip(String.format(Locale.ROOT, "forecast from %s\nweight %.3f (%.2f× uniform) on %s",
                        DashboardText.when(data.origins().get(r)), w, data.relativeToUniform(r, lag),
                        DashboardText.when(data.intervalStart(r, lag)))));
                grid.add(cell, lag + 1, r + 1);
            }
        }
        Label axis = new Label("minutes before each origin →");
        axis.setStyle("-fx-font-size: 10px;");
        grid.add(axis, 1, data.origins().size() + 1, lags, 1);
    }

    /** A weight's colour from its multiple of the uniform weight, on a log scale: 1 is white. */
    static Color colour(double relative) {
        if (!(relative > 0)) {
            return BELOW;
        }
        double log = Math.max(-SATURATION, Math.min(SATURATION, Math.log(relative) / Math.log(2)));
        return log < 0 ? FLAT.interpolate(BELOW, -log / SATURATION) : FLAT.interpolate(ABOVE, log / SATURATION);
    }

    /** The colour scale, and what white means beside it or, where the panel is narrow, under it. */
    private static FlowPane legend() {
        HBox box = new HBox(2);
        box.setAlignment(Pos.CENTER_LEFT);
        Label low = small("¼× uniform");
        box.getChildren().add(low);
        for (int i = 0; i <= 8; i++) {
            double relative = Math.pow(2, -SATURATION + i * SATURATION / 4);
            Rectangle swatch = new Rectangle(18, 10, colour(relative));
            swatch.setStroke(Color.web("#cccccc"));
            box.getChildren().add(swatch);
        }
        box.getChildren().add(small("4× uniform"));
        FlowPane legend = new FlowPane(12, 2, box, small("(white: the flat weight 1/P)"));
        legend.setId("attentionLegend");
        return legend;
    }

    private static Label small(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-size: 10px;");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
