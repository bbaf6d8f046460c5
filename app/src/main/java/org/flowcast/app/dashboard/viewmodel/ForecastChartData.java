package org.flowcast.app.dashboard.viewmodel;

import java.util.List;
import org.flowcast.core.Horizon;
import org.flowcast.core.SensorSeries;

/**
 * What the forecast chart shows for one station and origin; x is minutes since the epoch, y flow in
 * vehicles per five minutes. Forecast series are empty (and {@code message} says why) where the run has
 * no forecast from the origin.
 */
public record ForecastChartData(String title, List<Point> observedBefore, List<Point> observedAfter, List<Point> shortForecast,
                                List<Point> longForecast, List<Band> band80, List<Band> band95, double originX, String message) {

    public ForecastChartData {
        observedBefore = List.copyOf(observedBefore);
        observedAfter = List.copyOf(observedAfter);
        shortForecast = List.copyOf(shortForecast);
        longForecast = List.copyOf(longForecast);
        band80 = List.copyOf(band80);
        band95 = List.copyOf(band95);
    }

    public static ForecastChartData empty(String message) {
        return new ForecastChartData("", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Double.NaN, message);
    }

    /** The legend's name of the short forecast, e.g. {@code forecast ≤ 30 min}; empty where none is shown. */
    public String shortLabel() {
        return shortForecast.isEmpty() ? "" : "forecast ≤ " + shortForecast.size() * STEP_MINUTES + " min";
    }

    /**
     * The legend's name of the long forecast as far as the run reaches, e.g. {@code forecast 35–60 min} for a 12-step run or
     * {@code forecast 35 min – 2 h} for a 24-step one; empty where there is none (no forecast, or one of the short steps
     * only, whose long line would be the single point it shares with the short one).
     */
    public String longLabel() {
        if (longForecast.size() < 2) {
            return "";
        }
        int first = (Horizon.SHORT_STEPS + 1) * STEP_MINUTES;
        int last = (Horizon.SHORT_STEPS + longForecast.size() - 1) * STEP_MINUTES;
        return last >= 120 && last % 60 == 0 ? "forecast " + first + " min – " + last / 60 + " h" : "forecast " + first + "–" + last
                + " min";
    }

    private static final int STEP_MINUTES = (int) SensorSeries.FIVE_MINUTES.toMinutes();

    public record Point(double x, double y) {
    }

    public record Band(double x, double lower, double upper) {
    }
}
