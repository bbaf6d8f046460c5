package org.flowcast.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.SampleData;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.reports.EvaluationSummary.IntervalScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The interval score, coverage and width of split-conformal intervals, by hand and on a real backtest. */
class IntervalTallyTest {

    /** At 80% (α = 0.2) a miss costs 2/α = 10 times its distance, at 95% 40 times. */
    @ParameterizedTest(name = "[{0}, {1}] at {3}, y = {2}: {4}")
    @CsvSource({"90, 110, 100, 0.8, 20", "90, 110, 90, 0.8, 20", "90, 110, 110, 0.8, 20", "90, 110, 85, 0.8, 70",
        "90, 110, 112, 0.8, 40", "90, 110, 80, 0.95, 420", "0, 25, 3, 0.95, 25"})
    void theIntervalScoreIsTheWidthPlusTwoOverAlphaTimesTheMiss(double lower, double upper, double truth, double level,
                                                               double expected) {
        assertThat(IntervalTally.intervalScore(lower, upper, truth, level)).isCloseTo(expected, within(1e-9));
    }

    /**
     * Half-widths 10 at step 1 and 20 at step 2: at step 1 a value inside (100 around 95) and one 10 above (120 around
     * 100, score 20 + 10 × 10); at step 2 a forecast of 5 whose lower bound is floored at zero, [0, 25].
     */
    @Test
    void coverageWidthAndScoreArePerStepAndPooledOverEveryValue() {
        IntervalTally tally = new IntervalTally(List.of(new ConformalIntervals(0.8, new double[] {10, 20})), 2);
        tally.add(1, 100, 95);
        tally.add(1, 120, 100);
        tally.add(2, 3, 5);

        IntervalScores scores = tally.scores().get(0);

        assertThat(scores.level()).isEqualTo(0.8);
        assertThat(scores.halfWidth()).containsExactly(10, 20);
        assertThat(scores.coverage()).containsExactly(0.5, 1.0);
        assertThat(scores.width()).containsExactly(20, 25);
        assertThat(scores.score()).containsExactly(70, 25);
        assertThat(scores.coverageAverage()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(scores.widthAverage()).isCloseTo(65.0 / 3, within(1e-12));
        assertThat(scores.scoreAverage()).isCloseTo(55, within(1e-12));
    }

    @Test
    void aStepWithoutAHalfWidthCountsNothing() {
        IntervalTally tally = new IntervalTally(List.of(new ConformalIntervals(0.95, new double[] {Double.NaN, 4})), 2);
        tally.add(1, 100, 95);
        tally.add(2, 100, 98);

        IntervalScores scores = tally.scores().get(0);

        assertThat(scores.coverage()[0]).isNaN();
        assertThat(scores.width()).containsExactly(Double.NaN, 8);
        assertThat(scores.coverageAverage()).isEqualTo(1.0);
        assertThat(scores.widthAverage()).isEqualTo(8.0);
    }

    /** Persistence on the sample corridor: its calibrated intervals scored on the test part, and kept by the summary. */
    @Test
    void aBacktestScoresEachLevelsIntervalsStepByStep() {
        Backtester backtester = new Backtester(TrainingConfig.defaults(), TrainingListener.NONE);
        SensorSeries series = SampleData.series();
        ChronologicalSplit split = backtester.split(series);

        ModelRun run = backtester.run("persistence", Map.of(), split);

        List<IntervalScores> scores = run.intervalScores();
        assertThat(scores).extracting(IntervalScores::level).containsExactly(0.8, 0.95);
        for (IntervalScores level : scores) {
            assertThat(level.coverage()).hasSize(TrainingConfig.defaults().horizon());
            assertThat(Arrays.stream(level.coverage()).allMatch(c -> c > 0.5 && c <= 1)).as("coverage %s", level.level()).isTrue();
            for (int h = 0; h < level.width().length; h++) {
                // the lower bound floored at zero only narrows an interval; a miss only adds to its score
                assertThat(level.width()[h]).isPositive().isLessThanOrEqualTo(2 * level.halfWidth()[h] + 1e-9);
                assertThat(level.score()[h]).isGreaterThanOrEqualTo(level.width()[h]);
            }
        }
        assertThat(scores.get(1).widthAverage()).isGreaterThan(scores.get(0).widthAverage());
        assertThat(run.coverage()).containsExactly(scores.get(0).coverageAverage(), scores.get(1).coverageAverage());
        assertThat(Summaries.summarise(run).intervals()).isEqualTo(scores);
    }
}
