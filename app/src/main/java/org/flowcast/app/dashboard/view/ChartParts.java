package org.flowcast.app.dashboard.view;

import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.util.StringConverter;
import org.flowcast.app.dashboard.viewmodel.DashboardText;

/** What the dashboard's time charts share: an axis of Pacific clock times and the note laid over an empty chart. */
final class ChartParts {
    private ChartParts() {
    }

    /** Labels an axis of minutes since the epoch with Pacific clock times. */
    static void clockTicks(NumberAxis axis) {
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return DashboardText.clock(value.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
    }

    /** The note a chart shows over itself where it has nothing to draw; the pointer passes through it. */
    static Label overlayMessage(String id) {
        Label message = new Label();
        message.setId(id);
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.setStyle("-fx-background-color: rgba(255,255,255,0.9); -fx-padding: 8; -fx-border-color: #bbb;");
        message.setMouseTransparent(true);
        return message;
    }
}
