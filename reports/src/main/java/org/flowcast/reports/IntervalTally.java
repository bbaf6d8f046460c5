package org.flowcast.reports;

import java.util.ArrayList;
import java.util.List;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.reports.EvaluationSummary.IntervalScores;

/**
 * Scores a model's split-conformal intervals on the values it is scored on, step by step: how often the truth falls
 * inside, how wide the interval is and its interval score; coverage alone cannot compare models, as a wide interval
 * covers well whatever it forecasts. A level without a half-width at a step (no validation residual there) counts none.
 */
final class IntervalTally {
    private final List<ConformalIntervals> intervals;
    private final long[][] counted;
    private final long[][] inside;
    private final double[][] width;
    private final double[][] score;

    IntervalTally(List<ConformalIntervals> intervals, int horizon) {
        this.intervals = List.copyOf(intervals);
        counted = new long[intervals.size()][horizon];
        inside = new long[intervals.size()][horizon];
        width = new double[intervals.size()][horizon];
        score = new double[intervals.size()][horizon];
    }

    /**
     * The interval score of Gneiting and Raftery (2007, eq. 43) of the central interval [lower, upper] at a nominal
     * level for the true value y: its width, plus (2/α) times the distance by which y falls outside it, α = 1 − level.
     */
    static double intervalScore(double lower, double upper, double truth, double level) {
        double penalty = 2 / (1 - level);
        return upper - lower + (truth < lower ? penalty * (lower - truth) : 0) + (truth > upper ? penalty * (truth - upper) : 0);
    }

    /** One scored value (a truth the masked metrics count) at 1-based step {@code h}. */
    void add(int h, double truth, double predicted) {
        for (int k = 0; k < intervals.size(); k++) {
            double[] halfWidths = intervals.get(k).halfWidth();
            if (h > halfWidths.length || !Double.isFinite(halfWidths[h - 1])) {
                continue;
            }
            // the bounds the forecasts are published with: ConformalIntervals floors the lower one at zero flow
            double lower = Math.max(0, predicted - halfWidths[h - 1]);
            double upper = predicted + halfWidths[h - 1];
            counted[k][h - 1]++;
            if (truth >= lower && truth <= upper) {
                inside[k][h - 1]++;
            }
            width[k][h - 1] += upper - lower;
            score[k][h - 1] += intervalScore(lower, upper, truth, intervals.get(k).level());
        }
    }

    /** Each level's scores, in the order the intervals were given; NaN where no value was counted. */
    List<IntervalScores> scores() {
        List<IntervalScores> out = new ArrayList<>();
        for (int k = 0; k < intervals.size(); k++) {
            int horizon = counted[k].length;
            double[] coverage = new double[horizon];
            double[] meanWidth = new double[horizon];
            double[] meanScore = new double[horizon];
            long all = 0;
            long allInside = 0;
            double allWidth = 0;
            double allScore = 0;
            for (int h = 0; h < horizon; h++) {
                long n = counted[k][h];
                coverage[h] = n == 0 ? Double.NaN : (double) inside[k][h] / n;
                meanWidth[h] = n == 0 ? Double.NaN : width[k][h] / n;
                meanScore[h] = n == 0 ? Double.NaN : score[k][h] / n;
                all += n;
                allInside += inside[k][h];
                allWidth += width[k][h];
                allScore += score[k][h];
            }
            double[] halfWidth = intervals.get(k).halfWidth().clone();
            out.add(new IntervalScores(intervals.get(k).level(), halfWidth, coverage, meanWidth, meanScore,
                    all == 0 ? Double.NaN : (double) allInside / all, all == 0 ? Double.NaN : allWidth / all,
                    all == 0 ? Double.NaN : allScore / all));
        }
        return out;
    }
}
