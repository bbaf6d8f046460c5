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
        title.setWrapText(true);
        source.setStyle("-fx-font-size: 10px; -fx-text-fill: #555;");
        source.setWrapText(true);
        message.setId("comparisonMessage");
        message.setWrapText(true);
        table.setId("accuracyTable");
        // columns sized to their content (below), not stretched over the panel: a constrained policy gave
        // the model column the spare width and squeezed every figure to "…" in a 1600×1000 window
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
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
        curves.setPrefHeight(120);
        getChildren().addAll(title, source, message, table, curves);
        model.comparisonProperty().addListener((o, a, b) -> show(b));
        model.shownModelProperty().addListener((o, a, b) -> table.refresh());
        show(model.comparisonProperty().get());
    }

    /** Room for a cell's padding and a bold figure beyond the text's own width. */
    private static final double CELL_PADDING = 16;
    /** The table's border and a little room, so that its columns need no horizontal scroll bar. */
    private static final double TABLE_BORDERS = 4;

    private static String figure(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** The width of a text in the table's bold font, the widest its cells and headers draw. */
    private static double textWidth(String text) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text(text);
        measure.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, javafx.scene.text.Font.getDefault().getSize()));
        return Math.ceil(measure.getLayoutBounds().getWidth());
    }

    private static final String MAE_PREFIX = "MAE ";

    /** A right-aligned column of figures as wide as its widest figure or header; the best figure in bold. */
    private static TableColumn<ComparisonData.Row, Double> figureColumn(ComparisonData data, int column, String header) {
        TableColumn<ComparisonData.Row, Double> values = new TableColumn<>(header);
        double width = textWidth(header);
        for (ComparisonData.Row row : data.rows()) {
            width = Math.max(width, textWidth(figure(row.values().get(column))));
        }
        width += CELL_PADDING;
        values.setPrefWidth(width);
        values.setMinWidth(width);
        values.setStyle("-fx-alignment: CENTER-RIGHT;");
        values.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().values().get(column)));
        values.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || value == null) {
                    setText(null);
                    setStyle("-fx-alignment: CENTER-RIGHT;");
                    return;
                }
                setText(figure(value));
                boolean best = getIndex() == data.best()[column];
                setStyle(best ? "-fx-font-weight: bold; -fx-alignment: CENTER-RIGHT;" : "-fx-alignment: CENTER-RIGHT;");
            }
        });
        return values;
    }

    private void show(ComparisonData data) {
        message.setText(data.message());
        message.setVisible(!data.message().isEmpty());
        message.setManaged(message.isVisible());
        source.setText(data.source());
        table.getColumns().clear();
        TableColumn<ComparisonData.Row, String> name = new TableColumn<>("model");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().model()));
        double nameWidth = textWidth("model");
        for (ComparisonData.Row row : data.rows()) {
            nameWidth = Math.max(nameWidth, textWidth(row.model()));
        }
        name.setPrefWidth(nameWidth + CELL_PADDING);
        name.setMinWidth(nameWidth + CELL_PADDING);
        table.getColumns().add(name);
        // the MAE columns under one "MAE" header, so that each figure column is only as wide as its figures
        TableColumn<ComparisonData.Row, Double> mae = new TableColumn<>("MAE");
        for (int i = 0; i < data.columns().size(); i++) {
            String header = data.columns().get(i);
            boolean grouped = header.startsWith(MAE_PREFIX);
            TableColumn<ComparisonData.Row, Double> values = figureColumn(data, i, grouped ? header.substring(MAE_PREFIX.length())
                    : header);
            if (grouped) {
                mae.getColumns().add(values);
            } else {
                table.getColumns().add(values);
            }
            if (grouped && mae.getColumns().size() == 1) {
                table.getColumns().add(mae);
            }
        }
        table.getItems().setAll(data.rows());
        // every column whole: the panel beside it gives way (or scrolls) rather than the table cut its last columns
        double columnsWidth = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getMinWidth).sum();
        table.setMinWidth(columnsWidth + TABLE_BORDERS);
        setMinWidth(columnsWidth + TABLE_BORDERS + getPadding().getLeft() + getPadding().getRight());
        // header plus one line per model, so that the curves get the rest of the panel
        int headerRows = mae.getColumns().isEmpty() ? 1 : 2;
        double height = table.getFixedCellSize() * (Math.max(1, data.rows().size()) + headerRows) + 10;
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
