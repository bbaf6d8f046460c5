package org.flowcast.app.dashboard.view;

import java.time.Instant;
import java.time.LocalDate;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.app.dashboard.viewmodel.ColourBy;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.core.PemsTime;

/**
 * The dashboard window's content: toolbar (with the corridor's drift mark), corridor strip, origin controls (with
 * whether new origins are followed) and the panels (forecast chart, what drove the forecast, attention, space–time
 * contour, live accuracy and model comparison). It only binds to the view-model.
 */
public final class DashboardView {
    /** Room for a panel's vertical scroll bar and border. */
    private static final double SCROLL_BAR = 18;

    private final StackPane root = new StackPane();

    public DashboardView(DashboardViewModel model) {
        Label corridor = new Label();
        corridor.setId("corridorText");
        corridor.textProperty().bind(model.corridorTextProperty());
        corridor.setStyle("-fx-font-weight: bold;");

        ComboBox<String> corridors = new ComboBox<>(model.corridors());
        corridors.setId("corridorChoice");
        corridors.setPromptText("corridor");
        corridors.setMinWidth(Region.USE_PREF_SIZE);
        corridors.setPrefWidth(110);
        corridors.valueProperty().bindBidirectional(model.chosenCorridorProperty());
        Button district = new Button();
        district.setId("districtButton");
        district.textProperty().bind(Bindings.when(model.districtShownProperty())
                .then("Back to corridor").otherwise("District overview"));
        district.setMinWidth(Region.USE_PREF_SIZE);
        district.setOnAction(e -> {
            if (model.districtShownProperty().get()) {
                model.districtShownProperty().set(false);
            } else {
                model.showDistrict();
            }
        });

        TextField search = new TextField();
        search.setId("search");
        search.setPromptText("station id, name or postmile");
        search.setPrefWidth(240);
        search.setOnAction(e -> model.search(search.getText()));

        ComboBox<RunChoice> runs = new ComboBox<>(model.runs());
        runs.setId("model");
        runs.setPromptText("no forecast runs");
        runs.valueProperty().bindBidirectional(model.selectedRunProperty());
        // as wide as its longest run's label (the box sizes to its items), so that none is cut

        ChoiceBox<ColourBy> colour = new ChoiceBox<>();
        colour.setId("colourBy");
        colour.getItems().setAll(ColourBy.values());
        colour.valueProperty().bindBidirectional(model.colourByProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());

        Label drift = new Label();
        drift.setId("driftMark");
        drift.textProperty().bind(model.driftMarkProperty());
        drift.visibleProperty().bind(model.driftMarkProperty().isNotEmpty());
        drift.managedProperty().bind(drift.visibleProperty());
        drift.setStyle("-fx-text-fill: white; -fx-background-color: #a40000; -fx-background-radius: 4; -fx-padding: 1 6 1 6;");
        drift.setMinWidth(Region.USE_PREF_SIZE);

        // a long corridor's description wraps under itself rather than push the toolbar past the window's edges
        corridor.setWrapText(true);
        corridor.setMinWidth(160);
        search.setMinWidth(Region.USE_PREF_SIZE);
        runs.setMinWidth(Region.USE_PREF_SIZE);
        colour.setMinWidth(Region.USE_PREF_SIZE);
        // two groups that keep every control whole: side by side where the window is wide enough, else the choices
        // wrap under the corridor rather than squeeze the model box to "12 ste…"
        HBox where = group(fixed("Corridor"), corridors, district, drift);
        HBox what = group(fixed("Find"), search, fixed("Model"), runs, fixed("Colour by"), colour, busy);
        FlowPane toolbar = new FlowPane(24, 4, where, corridor, what);
        // the description at most the window's width (not the toolbar's, which would keep whatever width it first asked
        // for), wrapping beyond; the toolbar's own least width would be the whole description's, so it is given none
        corridor.maxWidthProperty().bind(root.widthProperty().subtract(toolbar.getPadding().getLeft() + toolbar.getPadding().getRight()));
        toolbar.setMinWidth(0);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(6, 8, 2, 8));

        Slider origin = new Slider();
        origin.setId("origin");
        // the chosen run's origins only: every position has a forecast to show
        origin.minProperty().bind(model.firstOriginProperty());
        origin.maxProperty().bind(model.lastOriginProperty());
        origin.setBlockIncrement(1);
        origin.setMajorTickUnit(288);
        origin.setSnapToTicks(false);
        origin.valueProperty().bindBidirectional(model.originProperty());
        HBox.setHgrow(origin, Priority.ALWAYS);
        Button earlier = new Button("◀ 5 min");
        earlier.setId("earlier");
        earlier.setOnAction(e -> model.stepOrigin(-1));
        Button later = new Button("5 min ▶");
        later.setId("later");
        later.setOnAction(e -> model.stepOrigin(1));
        DatePicker date = new DatePicker();
        date.setId("date");
        date.setPrefWidth(130);
        date.setOnAction(e -> model.jumpTo(date.getValue()));
        model.originTextProperty().addListener((o, a, b) -> {
            LocalDate shown = model.originTime().atZone(PemsTime.ZONE).toLocalDate();
            if (!Instant.EPOCH.equals(model.originTime()) && !shown.equals(date.getValue())) {
                date.setValue(shown);
            }
        });
        Button newest = new Button("Newest origin");
        newest.setId("newestOrigin");
        newest.setOnAction(e -> model.toNewestOrigin());
        Label originText = new Label();
        originText.setId("originText");
        originText.textProperty().bind(model.originTextProperty());
        originText.setMinWidth(190);
        Label following = new Label();
        following.setId("following");
        following.textProperty().bind(Bindings.when(model.followingProperty()).then("following new origins").otherwise(""));
        following.setStyle("-fx-text-fill: #1f6f1f; -fx-font-size: 11px;");
        following.setMinWidth(Region.USE_PREF_SIZE);
        HBox originBar = new HBox(8, new Label("Forecast origin"), originText, earlier, origin, later, date, newest, following);
        originBar.setAlignment(Pos.CENTER_LEFT);
        originBar.setPadding(new Insets(2, 8, 2, 8));

        SplitPane left = new SplitPane(framed(new ForecastChartView(model.forecast())),
                framed(new ContributionChartView(model.forecast())), framed(new SpaceTimeContour(model.contour())));
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.44, 0.72);
        ComparisonView comparison = new ComparisonView(model.comparison());
        VBox.setVgrow(comparison, Priority.ALWAYS);
        ScrollPane accuracy = framed(new VBox(new LiveAccuracyView(model.liveAccuracy()), comparison));
        // as wide as the comparison table's columns (and a scroll bar beside them): the charts on the left give way
        accuracy.minWidthProperty().bind(comparison.minWidthProperty().add(SCROLL_BAR));
        SplitPane right = new SplitPane(framed(new AttentionHeatMap(model.forecast())), accuracy);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.42);
        SplitPane panels = new SplitPane(left, right);
        panels.setDividerPositions(0.57);
        panels.setPadding(new Insets(4, 8, 4, 8));

        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(2, 8, 4, 8));
        status.setStyle("-fx-text-fill: #a40000;");

        BorderPane content = new BorderPane();
        content.setTop(new VBox(toolbar, new CorridorView(model.tiles()), originBar));
        DistrictView districtView = new DistrictView(model.district(), model::showCorridor);
        districtView.visibleProperty().bind(model.districtShownProperty());
        panels.visibleProperty().bind(model.districtShownProperty().not());
        StackPane centre = new StackPane(panels, districtView);
        centre.setPadding(new Insets(4, 8, 4, 8));
        panels.setPadding(Insets.EMPTY);
        content.setCenter(centre);
        content.setBottom(status);

        Label empty = new Label();
        empty.setId("emptyMessage");
        empty.setWrapText(true);
        empty.setMaxWidth(640);
        empty.setStyle("-fx-font-size: 15px; -fx-padding: 24; -fx-background-color: white; -fx-border-color: #999;");
        empty.textProperty().bind(model.emptyMessageProperty());
        empty.visibleProperty().bind(model.emptyMessageProperty().isNotEmpty());
        content.disableProperty().bind(model.emptyMessageProperty().isNotEmpty());
        root.getChildren().addAll(content, empty);
        root.setStyle("-fx-background-color: #f4f4f4;");
        root.getStylesheets().add(DashboardView.class.getResource("dashboard.css").toExternalForm());
    }

    public Parent root() {
        return root;
    }

    /** A label that keeps its whole text when the toolbar is short of room (the corridor's description gives way). */
    private static Label fixed(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox group(Node... controls) {
        HBox box = new HBox(8, controls);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /**
     * A panel: its content fills it and, where the window leaves less room than the content needs, scrolls rather than
     * being cut (at 1100×700, say).
     */
    private static ScrollPane framed(Region content) {
        ScrollPane pane = new ScrollPane(content);
        pane.getStyleClass().add("panel");
        pane.setFitToWidth(true);
        content.minHeightProperty().bind(Bindings.createDoubleBinding(() -> pane.getViewportBounds().getHeight(),
                pane.viewportBoundsProperty()));
        pane.setStyle("-fx-background: white; -fx-background-color: white; -fx-border-color: #d0d0d0;");
        pane.setMinSize(0, 0);
        return pane;
    }
}
