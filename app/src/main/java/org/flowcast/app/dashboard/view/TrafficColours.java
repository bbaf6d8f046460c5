package org.flowcast.app.dashboard.view;
import java.util.Locale;
import javafx.scene.paint.Color;
import org.flowcast.app.dashboard.viewmodel.TrafficLevel;

/** The red–amber–green scale of traffic levels, and grey where nothing is known. */
final class TrafficColours {
    static final Color GREEN = Color.web("#2e9e44");
    static final Color AMBER = Color.web("#f0a30a");
    static final Color RED = Color.web("#d62728");
    static final Color UNKNOWN = Color.web("#c8c8c8");

    private TrafficColours() {
    }

    /** A continuous colour for a level from 0 (free, green) through amber to 1 (jammed, red). */
    static Color of(double level) {
        if (Double.isNaN(level)) {
            return UNKNOWN;
        }
        return level < 0.5 ? GREEN.interpolate(AMBER, level * 2) : AMBER.interpolate(RED, (level - 0.5) * 2);
    }

    static Color of(TrafficLevel.Condition condition) {
        return switch (condition) {
            case FREE -> GREEN;
            case SLOWING -> AMBER;
            case CONGESTED -> RED;
            case UNKNOWN -> UNKNOWN;
        };
    }

    static String css(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
