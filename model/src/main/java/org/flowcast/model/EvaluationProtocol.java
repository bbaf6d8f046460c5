package org.flowcast.model;

import org.flowcast.core.Horizon;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.window.WindowSpec;

/**
 * The one evaluation protocol that train, evaluate, bench, the forecast job and the dashboard share: every
 * window reads a week and an hour of history (so that the weekly models fit), origins are split in time
 * order 60/20/20, the horizon is 12 or 24 steps, and tables report steps 3, 6, 12 and 24 with short
 * forecasts up to 30 minutes ({@link Horizon#SHORT_STEPS} steps).
 */
public record EvaluationProtocol(int lookback, double trainShare, double validationShare, int horizon) {
    /** The lookback every model is given: one week of history plus the input hour. */
    public static final int LOOKBACK = WindowSpec.WEEK_STEPS + 12;
    /** The horizons a model is trained and evaluated for: one hour and two hours. */
    public static final int[] HORIZONS = {Horizon.STANDARD.steps(), Horizon.LONG.steps()};

    public EvaluationProtocol {
        if (horizon != HORIZONS[0] && horizon != HORIZONS[1]) {
            throw new IllegalArgumentException("the horizon must be 12 (one hour) or 24 (two hours) steps, was " + horizon);
        }
    }

    /** The protocol at a horizon of 12 or 24 steps. */
    public static EvaluationProtocol of(int horizon) {
        return new EvaluationProtocol(LOOKBACK, 0.6, 0.2, horizon);
    }

    /** The protocol's split of a series. */
    public ChronologicalSplit split(SensorSeries series) {
        return ChronologicalSplit.of(series, lookback, horizon, trainShare, validationShare);
    }

    /** The steps tables show. */
    public int[] reportedSteps() {
        return Horizon.reportedSteps(horizon);
    }
}
