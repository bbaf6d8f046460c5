package org.flowcast.app.dashboard.viewmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.flowcast.app.dashboard.data.RunChoice;
import org.flowcast.core.Channel;
import org.flowcast.core.SensorSeries;

/**
 * Where a loaded corridor is shown, as indices into its series: a live run's newest origin, else the weekday peak among
 * the run's origins ({@link PeakOrigin}) at its most congested station, else the newest origin at the busiest station; and
 * a time's step, kept within the series.
 */
final class StartingPoint {
    /** The origin (an index into the series) and station id to show. */
    record Choice(int origin, int stationId) {
    }

    private StartingPoint() {
    }

    /** Where a corridor opens with a run (null: none). */
    static Choice of(SensorSeries series, RunChoice run) {
        Optional<PeakOrigin.Choice> peak = run == null || run.live() ? Optional.empty() : PeakOrigin.find(series, run.origins());
        return peak.map(p -> new Choice(p.origin(), p.stationId()))
                .orElseGet(() -> new Choice(newestOrigin(series, run), busiestStation(series)));
    }

    /** The run's newest origin where it lies in the series, else the newest step. */
    static int newestOrigin(SensorSeries series, RunChoice run) {
        if (run != null) {
            int index = (int) Duration.between(series.start(), run.newestOrigin()).dividedBy(DashboardSelection.STEP);
            if (index >= 0 && index < series.length()) {
                return index;
            }
        }
        return series.length() - 1;
    }

    /** The step of a time, rounded down and kept within the series. */
    static int indexOf(SensorSeries series, Instant time) {
        long index = Math.floorDiv(Duration.between(series.start(), time).toMinutes(), DashboardSelection.STEP.toMinutes());
        return (int) Math.max(0, Math.min(series.length() - 1, index));
    }

    /** The station with the highest mean observed flow: where there is most to watch. */
    static int busiestStation(SensorSeries series) {
        int best = series.stations().get(0).id();
        double bestMean = -1;
        for (int s = 0; s < series.stationCount(); s++) {
            double sum = 0;
            int n = 0;
            for (int t = 0; t < series.length(); t++) {
                if (series.isObserved(t, s, Channel.FLOW)) {
                    sum += series.value(t, s, Channel.FLOW);
                    n++;
                }
            }
            if (n > 0 && sum / n > bestMean) {
                bestMean = sum / n;
                best = series.stations().get(s).id();
            }
        }
        return best;
    }
}
