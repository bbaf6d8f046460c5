package org.flowcast.app.dashboard.view;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.flowcast.app.dashboard.viewmodel.StationTile;
import org.flowcast.app.dashboard.viewmodel.StationTilesViewModel;

/**
 * The stations of the corridor in postmile order as coloured tiles; clicking one selects it. Tiles are
 * built once per corridor and then only restyled, so that switching station or origin stays quick.
 */
final class CorridorView extends ScrollPane {
    /** A tile's least width: its id in full, its value wrapped ("1,200" over "veh/h/ln"). */
    private static final double MIN_TILE_WIDTH = 70;

    private static final Insets PADDING = new Insets(4, 2, 4, 2);
    private static final Insets SELECTED_PADDING = new Insets(1, 0, 1, 0);

    private final HBox strip = new HBox(3);
    private final StationTilesViewModel model;
    private final Map<Integer, Tile> tiles = new HashMap<>();

    CorridorView(StationTilesViewModel model) {
        this.model = model;
        setId("corridor");
        strip.setPadding(new Insets(4));
        setContent(strip);
        setFitToHeight(true);
        // the tiles share the width (20 fit in a 1600-pixel window); where they cannot at their least, the strip scrolls
        setFitToWidth(true);
        // the strip's own least width is its tiles' (70 each): the window must not take it on, or a long corridor widens it
        // past its edges and cuts the toolbar's start
        setMinWidth(0);
        viewportBoundsProperty().addListener((o, a, b) -> fitTiles());
        setPrefHeight(92);
        setMinHeight(92);
        setVbarPolicy(ScrollBarPolicy.NEVER);
        model.stations().addListener((ListChangeListener<StationTile>) change -> update());
        model.selection().selectedStationProperty().addListener((o, a, b) -> {
            Tile before = tiles.get(a.intValue());
            Tile after = tiles.get(b.intValue());
            if (before != null) {
                before.style(false);
            }
            if (after != null) {
                after.style(true);
            }
        });
        update();
    }

    private void update() {
        List<StationTile> shown = model.stations();
        boolean sameStations = shown.size() == tiles.size() && shown.stream().allMatch(t -> tiles.containsKey(t.id()));
        if (!sameStations) {
            tiles.clear();
            strip.getChildren().clear();
            for (StationTile t : shown) {
                Tile tile = new Tile(t.id());
                tiles.put(t.id(), tile);
                strip.getChildren().add(tile.box);
            }
        }
        fitTiles();
        int selected = model.selection().selectedStationProperty().get();
        for (StationTile t : shown) {
            tiles.get(t.id()).show(t, t.id() == selected);
        }
    }

    /**
     * Lets the tiles shrink to share the strip's width, their values wrapping under their figures, where that makes them all
     * fit (20 across a 1600-pixel window); else they keep their width and the strip scrolls, as a scroll bar leaves no
     * height for a wrapped value.
     */
    private void fitTiles() {
        int count = strip.getChildren().size();
        double least = count * MIN_TILE_WIDTH + Math.max(0, count - 1) * strip.getSpacing() + strip.getPadding().getLeft()
                + strip.getPadding().getRight();
        double min = least <= getViewportBounds().getWidth() ? MIN_TILE_WIDTH : Region.USE_PREF_SIZE;
        for (Node tile : strip.getChildren()) {
            ((Region) tile).setMinWidth(min);
        }
    }

    /** One station's tile: id, current value and quality badge on its condition's colour. */
    private final class Tile {
        private final Label value = new Label();
        private final Label badge = new Label();
        private final VBox box;
        private final Tooltip tip = new Tooltip();
        private final Tooltip badgeTip = new Tooltip();
        private String colour = "";

        Tile(int id) {
            Label name = new Label(String.valueOf(id));
            name.setStyle("-fx-font-weight: bold; -fx-text-fill: white;");
            value.setStyle("-fx-text-fill: white; -fx-font-size: 11px;");
            value.setWrapText(true);
            value.setTextAlignment(TextAlignment.CENTER);
            badge.getStyleClass().add("quality-badge");
            Tooltip.install(badge, badgeTip);
            box = new VBox(2, name, value, badge);
            box.setId("station-" + id);
            box.getStyleClass().add("station-tile");
            box.setAlignment(Pos.CENTER);
            box.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(box, Priority.ALWAYS);
            Tooltip.install(box, tip);
            box.setOnMouseClicked(e -> model.selection().selectedStationProperty().set(id));
        }

        void show(StationTile t, boolean selected) {
            value.setText(t.valueText());
            badge.setText(t.badge());
            badge.setStyle("-fx-background-color: " + (t.percentObserved() >= 80 ? "white" : "#ffe08a")
                    + "; -fx-background-radius: 6; -fx-padding: 0 4 0 4; -fx-font-size: 10px;");
            badgeTip.setText(String.format(Locale.ROOT, "%.1f%% of the loaded period observed by the detector", t.percentObserved()));
            tip.setText(t.label() + (t.name().isEmpty() ? "" : "\n" + t.name()) + "\n" + t.valueText());
            colour = TrafficColours.css(TrafficColours.of(t.condition()));
            style(selected);
        }

        void style(boolean selected) {
            // the selection's border takes the padding's place, so that the selected tile's text has the room of the others
            box.setPadding(selected ? SELECTED_PADDING : PADDING);
            box.setStyle("-fx-background-color: " + colour + "; -fx-background-radius: 4;"
                    + (selected ? " -fx-border-color: #1a1a1a; -fx-border-width: 3; -fx-border-radius: 4;" : ""));
        }
    }
}
