package org.flowcast.app.dashboard.viewmodel;

import java.util.List;

/**
 * What drove one forecast: each additive part of the model's forecast for the chosen station and origin,
 * step by step (x minutes since the epoch, y vehicles per five minutes), and the forecast they add up
 * to. Empty, with {@code message} saying why, where the run's model is not a sum of parts.
 */
public record ContributionData(String title, List<Line> parts, Line forecast, String message) {

    public ContributionData {
        parts = List.copyOf(parts);
    }

    public static ContributionData empty(String message) {
        return new ContributionData("", List.of(), new Line("forecast", List.of()), message);
    }

    /** One line of the chart: a part (or the forecast) at every horizon step. */
    public record Line(String name, List<ForecastChartData.Point> points) {
        public Line {
            points = List.copyOf(points);
        }
    }
}
