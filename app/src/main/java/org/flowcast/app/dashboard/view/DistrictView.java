package org.flowcast.app.dashboard.view;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.flowcast.app.dashboard.viewmodel.DistrictViewModel;
import org.flowcast.app.dashboard.viewmodel.TrafficLevel;

/**
 * The district overview: one row per corridor with its stations as a strip of cells coloured by the
 * congestion forecast over its run's horizon (at most two hours), what the forecast says and, where its live model drifted, the drift
 * mark; clicking a corridor opens it.
 * It only binds to the view-model.
 */
final class DistrictView extends VBox {
    private final GridPane grid = new GridPane();
    private final DistrictViewModel model;
    private final Consumer<String> open;

    DistrictView(DistrictViewModel model, Consumer<String> open) {
        this.model = model;
        this.open = open;
        setId("district");
        setSpacing(6);
        setPadding(new Insets(8));
        setStyle("-fx-background-color: white; -fx-border-color: #d0d0d0;");
        Label title = new Label("District overview · forecast congestion");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        Label summary = new Label();
        summary.setId("districtSummary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setWrapText(true);
        FlowPane legend = new FlowPane(12, 2, swatch(TrafficLevel.Condition.FREE, "free (lane use under 75%)"),
                swatch(TrafficLevel.Condition.SLOWING, "busy (75-90%)"), swatch(TrafficLevel.Condition.CONGESTED,
                        "near capacity (90% and over)"),
                swatch(TrafficLevel.Condition.UNKNOWN, "no forecast"));
        grid.setHgap(10);
        grid.setVgap(3);
        ColumnConstraints name = new ColumnConstraints(70);
        ColumnConstraints strip = new ColumnConstraints();
        strip.setHgrow(Priority.ALWAYS);
        strip.setPercentWidth(45);
        ColumnConstraints said = new ColumnConstraints();
        said.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(name, strip, said);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, summary, legend, scroll);
        model.rows().addListener((ListChangeListener<DistrictViewModel.Row>) change -> update());
        update();
    }

    private void update() {
        grid.getChildren().clear();
        int r = 0;
        for (DistrictViewModel.Row row : model.rows()) {
            Button name = new Button(row.corridor());
            name.setId("open-" + row.corridor());
            name.setMaxWidth(Double.MAX_VALUE);
            name.setOnAction(e -> open.accept(row.corridor()));
            HBox cells = new HBox(2);
            cells.setAlignment(Pos.CENTER_LEFT);
            for (DistrictViewModel.Cell cell : row.cells()) {
                Region box = new Region();
                box.setMinSize(6, 18);
                box.setPrefSize(28, 18);
                HBox.setHgrow(box, Priority.ALWAYS);
                box.setStyle("-fx-background-color: " + TrafficColours.css(TrafficColours.of(cell.condition())) + ";");
                Tooltip.install(box, new Tooltip(cell.label() + (Double.isNaN(cell.level()) ? ": no forecast"
                        : String.format(Locale.ROOT, ": up to %.0f%% of capacity in %s", 100 * cell.level(), row.ahead()))));
                box.setOnMouseClicked(e -> open.accept(row.corridor()));
                cells.getChildren().add(box);
            }
            Label outlook = new Label(row.outlook());
            // wraps rather than cut where the window is narrow
            outlook.setWrapText(true);
            outlook.setStyle(row.congested() > 0 ? "-fx-text-fill: #a40000;" : "");
            Label drift = new Label(row.drift());
            drift.setId("drift-" + row.corridor());
            drift.setStyle(row.drift().isEmpty() ? "" : "-fx-text-fill: white; -fx-background-color: #a40000; -fx-padding: 0 4 0 4;");
            grid.addRow(r++, name, cells, new HBox(8, outlook, drift));
        }
    }

    private static HBox swatch(TrafficLevel.Condition condition, String text) {
        Region box = new Region();
        box.setPrefSize(14, 14);
        box.setStyle("-fx-background-color: " + TrafficColours.css(TrafficColours.of(condition)) + ";");
        HBox item = new HBox(4, box, new Label(text));
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }
}
