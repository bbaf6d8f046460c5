package org.flowcast.app.dashboard.view;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.flowcast.app.dashboard.viewmodel.LiveAccuracyData;
import org.flowcast.app.dashboard.viewmodel.LiveAccuracyViewModel;

/**
 * The shown corridor's live models: realised MAE over the last hour and day and how often the last day's flows fell
 * inside the 80% and 95% intervals, beside the model's test MAE and its MAE before live operation; a drifted model's row
 * in red. Hidden where the corridor has no live run. It only binds to the view-model.
 */
final class LiveAccuracyView extends VBox {
    private static final List<String> HEADERS = List.of("live model", "test MAE", "before live", "MAE 1 h", "MAE 24 h",
            "80% held", "95% held", "drift");
    /** Each column's cell ids end in these: {@code live-linear-ar-dayMae}. */
    private static final List<String> IDS = List.of("model", "testMae", "beforeLive", "hourMae", "dayMae", "held80", "held95", "drift");

    private final GridPane grid = new GridPane();

    LiveAccuracyView(LiveAccuracyViewModel model) {
        setId("liveAccuracy");
        setSpacing(2);
        setPadding(new Insets(6, 6, 0, 6));
        Label title = new Label("Live accuracy (realised by 'flowcast watch': last hour and day; intervals over the day)");
        title.setStyle("-fx-font-weight: bold;");
        title.setWrapText(true);
        grid.setHgap(12);
        grid.setVgap(1);
        getChildren().addAll(title, grid);
        model.accuracyProperty().addListener((o, a, b) -> show(b));
        show(model.accuracyProperty().get());
    }

    private void show(LiveAccuracyData data) {
        setVisible(!data.rows().isEmpty());
        setManaged(isVisible());
        grid.getChildren().clear();
        for (int c = 0; c < HEADERS.size(); c++) {
            Label header = new Label(HEADERS.get(c));
            header.setStyle("-fx-font-size: 11px; -fx-text-fill: #444;");
            grid.add(header, c, 0);
        }
        int r = 1;
        for (LiveAccuracyData.Row row : data.rows()) {
            List<String> cells = List.of(row.model() + " live", figure(row.testMae()), figure(row.referenceMae()), figure(row.hourMae()),
                    figure(row.dayMae()), share(row.coverage80()), share(row.coverage95()), row.drift().isEmpty() ? "no" : row.drift());
            for (int c = 0; c < cells.size(); c++) {
                Label cell = new Label(cells.get(c));
                cell.setId("live-" + row.model() + "-" + IDS.get(c));
                cell.setStyle(row.drifted() ? "-fx-text-fill: #a40000; -fx-font-weight: bold;" : "");
                grid.add(cell, c, r);
            }
            r++;
        }
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String share(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * value);
    }
}
