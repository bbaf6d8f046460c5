package org.flowcast.app.dashboard.view;

import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.flowcast.app.dashboard.viewmodel.ComparisonData;
import org.flowcast.app.dashboard.viewmodel.ComparisonViewModel;

/**
 * The newest evaluation: accuracy per model (best in bold, the model shown on the chart marked) and
 * mean absolute error against horizon step.
 */
final class ComparisonView extends VBox {
    private final ComparisonViewModel model;
    private final TableView<ComparisonData.Row> table = new TableView<>();
    private final LineChart<Number, Number> curves = new LineChart<>(new NumberAxis(), new NumberAxis());
    private final Label source = new Label();
    private final Label message = new Label();

    ComparisonView(ComparisonViewModel model) {
        this.model = model;
        setId("comparison");
        setSpacing(4);
        setPadding(new Insets(6));
        Label title = new Label("Model comparison (test split of the newest evaluation)");
        title.setStyle("-fx-font-weight: bold;");
        source.setStyle("-fx-font-size: 10px; -fx-text-fill: #555;");
        message.setId("comparisonMessage");
        message.setWrapText(true);
        table.setId("accuracyTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ComparisonData.Row row, boolean empty) {
                super.updateItem(row, empty);
                boolean shown = !empty && row != null && row.model().equals(model.shownModelProperty().get());
                setStyle(shown ? "-fx-background-color: #fff3cd;" : "");
            }
        });
        curves.setId("errorByHorizon");
        curves.setAnimated(false);
        curves.setCreateSymbols(false);
        curves.setTitle("MAE against horizon step");
        curves.getXAxis().setLabel("step (5 min)");
        curves.setLegendVisible(true);
        table.setFixedCellSize(22);
        VBox.setVgrow(curves, Priority.ALWAYS);
        curves.setMinHeight(120);
        getChildren().addAll(title, source, message, table, curves);
        model.comparisonProperty().addListener((o, a, b) -> show(b));
        model.shownModelProperty().addListener((o, a, b) -> table.refresh());
        show(model.comparisonProperty().get());
    }

    private void show(ComparisonData data) {
        message.setText(data.message());
        message.setVisible(!data.message().isEmpty());
        message.setManaged(message.isVisible());
        source.setText(data.source());
        table.getColumns().clear();
        TableColumn<ComparisonData.Row, String> name = new TableColumn<>("model");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().model()));
        table.getColumns().add(name);
        for (int i = 0; i < data.columns().size(); i++) {
            final int column = i;
            TableColumn<ComparisonData.Row, Double> values = new TableColumn<>(data.columns().get(i));
            values.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().values().get(column)));
            values.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(Double value, boolean empty) {
                    super.updateItem(value, empty);
                    if (empty || value == null) {
                        setText(null);
                        setStyle("");
                        return;
                    }
                    setText(String.format(Locale.ROOT, "%.2f", value));
                    boolean best = getIndex() == data.best()[column];
                    setStyle(best ? "-fx-font-weight: bold;" : "");
                }
            });
            table.getColumns().add(values);
        }
        table.getItems().setAll(data.rows());
        // header plus one line per model, so that the curves get the rest of the panel
        double height = table.getFixedCellSize() * (Math.max(1, data.rows().size()) + 1) + 8;
        table.setPrefHeight(height);
        table.setMinHeight(height);
        table.setMaxHeight(height);
        curves.getData().clear();
        for (Map.Entry<String, double[]> e : data.maeByStep().entrySet()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(e.getKey());
            for (int step = 1; step <= e.getValue().length; step++) {
                s.getData().add(new XYChart.Data<>(step, e.getValue()[step - 1]));
            }
            curves.getData().add(s);
        }
    }
}
