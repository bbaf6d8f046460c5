package org.flowcast.app.dashboard.viewmodel;
import java.util.Locale;

/**
 * One station on the corridor strip: its condition at the chosen origin and the share of the loaded
 * period that its detector really observed (the quality badge).
 */
public record StationTile(int id, String name, double postmile, TrafficLevel.Condition condition, double level, String valueText,
                          double percentObserved) {

    public String badge() {
        return Math.round(percentObserved) + "%";
    }

    public String label() {
        return Double.isNaN(postmile) ? String.valueOf(id) : String.format(Locale.ROOT, "%d · PM %.1f", id, postmile);
    }
}
