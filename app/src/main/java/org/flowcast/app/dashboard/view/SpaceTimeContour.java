package org.flowcast.app.dashboard.view;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.flowcast.app.dashboard.viewmodel.ContourData;
import org.flowcast.app.dashboard.viewmodel.ContourViewModel;
import org.flowcast.app.dashboard.viewmodel.DashboardText;

/**
 * Time across, postmile up, coloured by traffic level: observations left of the origin line and the
 * run's forecast (of flow) right of it, so that congestion waves moving upstream show as diagonal bands; a legend
 * names the scale of each half.
 */
final class SpaceTimeContour extends VBox {
    private static final double LEFT = 58;
    private static final double BOTTOM = 22;

    private final Canvas canvas = new Canvas();
    private final Label message = new Label();
    private final FlowPane legend = new FlowPane(14, 2);
    private ContourData data = ContourData.empty("");

    SpaceTimeContour(ContourViewModel model) {
        setId("contour");
        setSpacing(4);
        setPadding(new Insets(6));
        Label title = new Label("Space–time contour (postmile against time)");
        title.setStyle("-fx-font-weight: bold;");
        message.setId("contourMessage");
        message.setWrapText(true);
        legend.setId("contourLegend");
        Pane holder = new Pane(canvas);
        holder.setMinSize(200, 120);
        // a preferred size of its own: the canvas follows the holder, so the holder must not follow the canvas
        holder.setPrefSize(200, 160);
        VBox.setVgrow(holder, Priority.ALWAYS);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        getChildren().addAll(title, legend, message, holder);
        model.contourProperty().addListener((o, a, b) -> show(b));
        show(model.contourProperty().get());
    }

    private void show(ContourData contour) {
        data = contour;
        message.setText(contour.message());
        message.setVisible(!contour.message().isEmpty());
        message.setManaged(message.isVisible());
        legend.getChildren().clear();
        for (ContourData.Scale scale : contour.legend()) {
            legend.getChildren().add(scale(scale));
        }
        draw();
    }

    /** A scale of the legend: its name, then its free end, the colours from green through amber to red, and its jammed end. */
    private static HBox scale(ContourData.Scale scale) {
        Rectangle ramp = new Rectangle(60, 10, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, TrafficColours.of(0.0)), new Stop(0.5, TrafficColours.of(0.5)), new Stop(1, TrafficColours.of(1.0))));
        HBox box = new HBox(4, small(scale.label() + ":"), small(scale.free()), ramp, small(scale.jammed()));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label small(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-size: 11px;");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        int steps = data.steps();
        int stations = data.stationIds().size();
        if (steps == 0 || stations == 0 || w <= LEFT || h <= BOTTOM) {
            return;
        }
        double cellW = (w - LEFT) / steps;
        double cellH = (h - BOTTOM) / stations;
        for (int t = 0; t < steps; t++) {
            for (int s = 0; s < stations; s++) {
                g.setFill(TrafficColours.of(data.levels()[t][s]));
                // the first station in postmile order sits at the bottom, as on a map read upstream to downstream
                g.fillRect(LEFT + t * cellW, h - BOTTOM - (s + 1) * cellH, Math.ceil(cellW), Math.ceil(cellH));
            }
        }
        double originX = LEFT + (data.originStep() + 1) * cellW;
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.strokeLine(originX, 0, originX, h - BOTTOM);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int labelEvery = Math.max(1, (int) Math.ceil(14 / cellH));
        for (int s = 0; s < stations; s += labelEvery) {
            double pm = data.postmiles()[s];
            String label = Double.isNaN(pm) ? String.valueOf(data.stationIds().get(s)) : String.format(Locale.ROOT, "PM %.1f", pm);
            g.fillText(label, LEFT - 4, h - BOTTOM - (s + 0.5) * cellH);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int every = Math.max(1, (int) Math.ceil(60 / cellW));
        every = ((every + 5) / 6) * 6;
        for (int t = 0; t <= steps; t += every) {
            double minutes = data.start().plus(data.step().multipliedBy(t)).getEpochSecond() / 60.0;
            g.fillText(DashboardText.clock(minutes), LEFT + t * cellW, h - BOTTOM + 4);
        }
    }
}
