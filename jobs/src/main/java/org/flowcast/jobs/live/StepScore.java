package org.flowcast.jobs.live;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.flowcast.core.PemsTime;
import org.flowcast.store.OriginScore;

/**
 * Scores one origin's forecast for one step against the flows observed at its target time, over a corridor's stations:
 * only observed values count (not imputed or missing ones), and, as in every evaluation, not a flow of zero
 * ({@code Metric.counts}). Whether a value fell inside an interval is judged against the bounds issued with the forecast:
 * its value ± the half-width in force then, floored at zero, as {@code ConformalIntervals} makes them; where none was
 * issued (NaN), the interval's width sum is NaN and nothing is counted inside it.
 */
final class StepScore {
    private StepScore() {
    }

    /**
     * @param forecast the forecast's value at the step, per station
     * @param observed the observed flow at the target, per station (NaN where none was observed)
     * @param halfWidth80 the 80% half-width issued at the step
     * @param halfWidth95 the 95% half-width issued at the step
     */
    static OriginScore of(Instant origin, int step, Instant target, float[] forecast, float[] observed, double halfWidth80,
                          double halfWidth95) {
        int scored = 0;
        int pctScored = 0;
        int inside80 = 0;
        int inside95 = 0;
        double abs = 0;
        double sq = 0;
        double pct = 0;
        double width80 = 0;
        double width95 = 0;
        for (int s = 0; s < forecast.length; s++) {
            float y = observed[s];
            if (!Float.isFinite(y) || y == 0) {
                continue;
            }
            float yHat = forecast[s];
            double error = Math.abs(y - yHat);
            scored++;
            abs += error;
            sq += error * error;
            pct += error / Math.abs(y);
            pctScored++;
            double lower80 = Math.max(0, yHat - halfWidth80);
            double upper80 = yHat + halfWidth80;
            double lower95 = Math.max(0, yHat - halfWidth95);
            double upper95 = yHat + halfWidth95;
            inside80 += y >= lower80 && y <= upper80 ? 1 : 0;
            inside95 += y >= lower95 && y <= upper95 ? 1 : 0;
            width80 += upper80 - lower80;
            width95 += upper95 - lower95;
        }
        if (Double.isNaN(halfWidth80)) {
            width80 = Double.NaN; // no interval was issued: none is scored (stored as NULL, not as 0% covered)
        }
        if (Double.isNaN(halfWidth95)) {
            width95 = Double.NaN;
        }
        int hour = ZonedDateTime.ofInstant(target, PemsTime.ZONE).getHour();
        return new OriginScore(origin, step, target, hour, scored, abs, sq, pctScored, pct, inside80, inside95, width80, width95);
    }
}
