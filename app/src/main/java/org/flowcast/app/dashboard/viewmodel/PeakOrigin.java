package org.flowcast.app.dashboard.viewmodel;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Optional;
import org.flowcast.core.Channel;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;

/**
 * Where the dashboard opens: the weekday origin, among those a run forecast from, after which the
 * corridor was most congested over the next hour, and the station most congested then. Congestion is
 * the speed below 65 mph (in 40 mph units, as {@link TrafficLevel} before its clamp) where a station
 * measures speed, else the {@link TrafficLevel} of its flow.
 */
final class PeakOrigin {
    /** Steps after the origin whose congestion counts: one hour. */
    static final int AHEAD = 12;

    /** The chosen origin (an index into the series) and station id. */
    record Choice(int origin, int stationId) {
    }

    private PeakOrigin() {
    }

    /** The weekday peak among the series' steps in {@code origins}; empty where none is a weekday with data after it. */
    static Optional<Choice> find(SensorSeries series, TimeRange origins) {
        int n = series.stationCount();
        double[][] level = new double[series.length()][n];
        for (int t = 0; t < series.length(); t++) {
            for (int s = 0; s < n; s++) {
                level[t][s] = levelAt(series, t, s);
            }
        }
        int bestOrigin = -1;
        double bestScore = -1;
        for (int t = 0; t + AHEAD < series.length(); t++) {
            Instant time = series.timeAt(t);
            if (!origins.contains(time) || isWeekend(time)) {
                continue;
            }
            double sum = 0;
            int count = 0;
            for (int k = 1; k <= AHEAD; k++) {
                for (int s = 0; s < n; s++) {
                    if (!Double.isNaN(level[t + k][s])) {
                        sum += level[t + k][s];
                        count++;
                    }
                }
            }
            // at least half the cells known, so that a mostly missing hour does not win on a few jammed readings
            if (count * 2 >= AHEAD * n && sum / count > bestScore) {
                bestScore = sum / count;
                bestOrigin = t;
            }
        }
        if (bestOrigin < 0) {
            return Optional.empty();
        }
        int bestStation = series.stations().get(0).id();
        double bestStationScore = -1;
        for (int s = 0; s < n; s++) {
            double sum = 0;
            int count = 0;
            for (int k = 1; k <= AHEAD; k++) {
                if (!Double.isNaN(level[bestOrigin + k][s])) {
                    sum += level[bestOrigin + k][s];
                    count++;
                }
            }
            if (count > 0 && sum / count > bestStationScore) {
                bestStationScore = sum / count;
                bestStation = series.stations().get(s).id();
            }
        }
        return Optional.of(new Choice(bestOrigin, bestStation));
    }

    private static boolean isWeekend(Instant time) {
        DayOfWeek day = time.atZone(PemsTime.ZONE).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static double levelAt(SensorSeries series, int t, int s) {
        if (series.state(t, s, Channel.SPEED) != ValueState.MISSING && series.value(t, s, Channel.SPEED) > 0) {
            // not clamped as the colours are: of two jammed stations the slower counts as more congested
            return (65 - series.value(t, s, Channel.SPEED)) / 40.0;
        }
        if (series.state(t, s, Channel.FLOW) != ValueState.MISSING) {
            return TrafficLevel.ofFlow(series.value(t, s, Channel.FLOW), series.stations().get(s).lanes());
        }
        return Double.NaN;
    }
}
