package org.flowcast.app.dashboard.view;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.StationTile;

/** The stations of the corridor in postmile order as coloured tiles; clicking one selects it. */
final class CorridorView extends ScrollPane {
    private final HBox tiles = new HBox(4);
    private final DashboardViewModel model;

    CorridorView(DashboardViewModel model) {
        this.model = model;
        setId("corridor");
        tiles.setPadding(new Insets(4));
        setContent(tiles);
        setFitToHeight(true);
        setPrefHeight(92);
        setMinHeight(92);
        setVbarPolicy(ScrollBarPolicy.NEVER);
        model.stations().addListener((ListChangeListener<StationTile>) change -> redraw());
        model.selectedStationProperty().addListener((o, a, b) -> redraw());
        redraw();
    }

    private void redraw() {
        tiles.getChildren().clear();
        for (StationTile tile : model.stations()) {
            tiles.getChildren().add(tileNode(tile, tile.id() == model.selectedStationProperty().get()));
        }
    }

    private VBox tileNode(StationTile tile, boolean selected) {
        Label id = new Label(String.valueOf(tile.id()));
        id.setStyle("-fx-font-weight: bold; -fx-text-fill: white;");
        Label value = new Label(tile.valueText());
        value.setStyle("-fx-text-fill: white; -fx-font-size: 11px;");
        Label badge = new Label(tile.badge());
        badge.getStyleClass().add("quality-badge");
        badge.setStyle("-fx-background-color: " + (tile.percentObserved() >= 80 ? "white" : "#ffe08a")
                + "; -fx-background-radius: 6; -fx-padding: 0 4 0 4; -fx-font-size: 10px;");
        Tooltip.install(badge, new Tooltip(String.format(java.util.Locale.ROOT, "%.1f%% of the loaded period observed by the detector",
                tile.percentObserved())));
        VBox box = new VBox(2, id, value, badge);
        box.setId("station-" + tile.id());
        box.getStyleClass().add("station-tile");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(4));
        box.setMinWidth(78);
        box.setStyle("-fx-background-color: " + TrafficColours.css(TrafficColours.of(tile.condition())) + "; -fx-background-radius: 4;"
                + (selected ? " -fx-border-color: #1a1a1a; -fx-border-width: 3; -fx-border-radius: 4;" : ""));
        Tooltip.install(box, new Tooltip(tile.label() + (tile.name().isEmpty() ? "" : "\n" + tile.name()) + "\n" + tile.valueText()));
        box.setOnMouseClicked(e -> model.selectedStationProperty().set(tile.id()));
        return box;
    }
}
