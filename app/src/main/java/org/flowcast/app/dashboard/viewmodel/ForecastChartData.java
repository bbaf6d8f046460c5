package org.flowcast.app.dashboard.viewmodel;
import java.util.List;

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

    public record Point(double x, double y) {
    }

    public record Band(double x, double lower, double upper) {
    }
}
