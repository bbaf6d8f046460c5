package org.flowcast.model;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.flowcast.core.Horizon;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.window.WindowSpec;

/**
 * The one evaluation protocol that train, evaluate, bench, the forecast job and the dashboard share: every
 * window reads a week and an hour of history (so that the weekly models fit), origins are split in time
 * order 60/20/20, the horizon is 12 or 24 steps, and tables report steps 3, 6, 12 and 24 with short
 * forecasts up to 30 minutes ({@link Horizon#SHORT_STEPS} steps). A paper's protocol is the same with the
 * test origins given in time ({@link #withTest}): the last days of the data or a range, the validation
 * origins then the last {@code validationShare} of those before it.
 */
public record EvaluationProtocol(int lookback, double trainShare, double validationShare, int horizon, Optional<TestRange> test) {
    /** The lookback every model is given: one week of history plus the input hour. */
    public static final int LOOKBACK = WindowSpec.WEEK_STEPS + 12;
    /** The horizons a model is trained and evaluated for: one hour and two hours. */
    public static final int[] HORIZONS = {Horizon.STANDARD.steps(), Horizon.LONG.steps()};
    /** The validation share of the windows before a test range given in time: 20 of 80, as in 60/20/20. */
    public static final double VALIDATION_SHARE_OF_REST = 0.25;

    /** Test origins given in time: those of the last {@code lastDays} days, or those from {@code from} until {@code to} (null: the end). */
    public record TestRange(int lastDays, Instant from, Instant to) {
        public TestRange {
            if (lastDays < 0 || (lastDays == 0) == (from == null)) {
                throw new IllegalArgumentException("a test range is either the last N days (N ≥ 1) or a start time, not both");
            }
            if (from != null && to != null && !to.isAfter(from)) {
                throw new IllegalArgumentException("the test range must end after it starts: " + PemsTime.format(from) + " to "
                        + PemsTime.format(to));
            }
        }

        public static TestRange lastDays(int days) {
            return new TestRange(days, null, null);
        }

        public static TestRange between(Instant from, Instant to) {
            return new TestRange(0, from, to);
        }
    }

    public EvaluationProtocol {
        if (horizon != HORIZONS[0] && horizon != HORIZONS[1]) {
            throw new IllegalArgumentException("the horizon must be 12 (one hour) or 24 (two hours) steps, was " + horizon);
        }
        if (!(validationShare > 0 && validationShare < 1) || !(trainShare > 0 && trainShare + validationShare < 1 || test.isPresent())) {
            throw new IllegalArgumentException("the validation share must lie between 0 and 1 and leave windows to train on, was "
                    + validationShare);
        }
    }

    /** The protocol at a horizon of 12 or 24 steps. */
    public static EvaluationProtocol of(int horizon) {
        return new EvaluationProtocol(LOOKBACK, 0.6, 0.2, horizon, Optional.empty());
    }

    /** The same protocol with the test origins given in time; validation takes the last quarter of the windows before them. */
    public EvaluationProtocol withTest(TestRange range) {
        return new EvaluationProtocol(lookback, trainShare, test.isPresent() ? validationShare : VALIDATION_SHARE_OF_REST, horizon,
                Optional.of(range));
    }

    /**
     * The same protocol with another validation share: of all windows (the test taking 20%), or, with a
     * test range in time, of the windows before it.
     */
    public EvaluationProtocol withValidationShare(double share) {
        double train = test.isPresent() ? trainShare : 0.8 - share;
        return new EvaluationProtocol(lookback, train, share, horizon, test);
    }

    /** The protocol's split of a series. */
    public ChronologicalSplit split(SensorSeries series) {
        if (test.isEmpty()) {
            return ChronologicalSplit.of(series, lookback, horizon, trainShare, validationShare);
        }
        TestRange range = test.get();
        int first = lookback - 1;
        int last = series.length() - horizon - 1;
        int testFirst;
        int testLast = last;
        if (range.lastDays() > 0) {
            testFirst = series.length() - range.lastDays() * WindowSpec.DAY_STEPS;
        } else {
            testFirst = (int) Math.ceil(Duration.between(series.start(), range.from()).toSeconds()
                    / (double) series.step().toSeconds());
            if (range.to() != null) {
                testLast = Math.min(last, (int) Math.ceil(Duration.between(series.start(), range.to()).toSeconds()
                        / (double) series.step().toSeconds()) - 1);
            }
        }
        if (testFirst > testLast || testLast < first) {
            throw new IllegalArgumentException("the test range " + describeRange(range) + " holds no origin with " + horizon
                    + " steps of targets in the data (" + PemsTime.format(series.start()) + " to " + PemsTime.format(series.end()) + ")");
        }
        int earlier = testFirst - first;
        if (earlier < 10) {
            throw new IllegalArgumentException("the test range " + describeRange(range) + " leaves " + Math.max(0, earlier)
                    + " windows before it to train and validate on (each needs a week of history): start the test later");
        }
        int validationCount = (int) (earlier * validationShare);
        return ChronologicalSplit.of(series, lookback, horizon, earlier - validationCount, validationCount, testFirst, testLast);
    }

    /** How the origins are split, for reports. */
    public String describe() {
        if (test.isEmpty()) {
            return String.format(Locale.ROOT, "one chronological split of the windows, %.0f%% training, %.0f%% validation, %.0f%% test",
                    trainShare * 100, validationShare * 100, (1 - trainShare - validationShare) * 100);
        }
        return String.format(Locale.ROOT,
                "test: the origins of %s; validation: the last %.0f%% of the windows before them; training: the rest",
                describeRange(test.get()), validationShare * 100);
    }

    private static String describeRange(TestRange range) {
        if (range.lastDays() > 0) {
            return "the last " + range.lastDays() + (range.lastDays() == 1 ? " day" : " days");
        }
        return "from " + PemsTime.format(range.from()) + (range.to() == null ? " on" : " until " + PemsTime.format(range.to()));
    }

    /** The steps tables show. */
    public int[] reportedSteps() {
        return Horizon.reportedSteps(horizon);
    }
}
