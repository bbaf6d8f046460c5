package org.flowcast.model;

import java.util.List;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.core.SensorSeries;

/**
 * The evaluation protocol's split: the origins of a series with a full lookback and horizon are
 * divided in time order into training, validation and test shares (60/20/20 by default), and each
 * part is returned as a slice of the series holding its origins' lookback and targets, so that every
 * model sees exactly the same windows. Shares are rounded down and the test part takes the rest, as in
 * the reference protocol ({@code int(n * 0.6)}): 6,013 windows at 24 steps split 3,607 / 1,202 / 1,204.
 */
public record ChronologicalSplit(SensorSeries train, SensorSeries validation, SensorSeries test,
                                 int trainOrigins, int validationOrigins, int testOrigins, int lookback) {

    /**
     * The training part for a model that reads {@code modelLookback} steps (0: not windowed): a model
     * with a shorter lookback than the split's would otherwise find origins in the part's first week
     * that the protocol does not have.
     */
    public SensorSeries trainFor(int modelLookback) {
        return trimmed(train, modelLookback);
    }

    /**
     * The validation part for a model that reads {@code modelLookback} steps (0: not windowed): without
     * the trim a shorter-lookback model would validate on origins whose targets lie in the training part.
     */
    public SensorSeries validationFor(int modelLookback) {
        return trimmed(validation, modelLookback);
    }

    private SensorSeries trimmed(SensorSeries part, int modelLookback) {
        int skip = modelLookback > 0 ? Math.max(0, lookback - modelLookback) : 0;
        return skip == 0 ? part : part.sliceTime(skip, part.length());
    }

    /**
     * Fits a model the one way every caller does: on the training part, stopping on the validation part,
     * each trimmed to the model's lookback so that every model sees the protocol's windows; then
     * calibrates its prediction intervals on the validation part's origins (split-conformal) around its
     * forecasts as they are shown (clipped at zero, see {@link CalibratedForecaster}), so that the returned
     * model, and the file it saves, carries them.
     */
    public StoredForecaster fit(ForecastTrainer trainer) {
        Forecaster fitted = trainer.fit(trainFor(trainer.lookbackSteps()), validationFor(trainer.lookbackSteps()));
        if (!(fitted instanceof StoredForecaster stored)) {
            throw new IllegalStateException(trainer.modelName() + " fitted a " + fitted.getClass().getName()
                    + ", which cannot save itself with its calibration; a model of this module implements StoredForecaster");
        }
        // calibrated on the forecasts as they are shown, clipped at zero: the residuals of what the intervals surround
        StoredForecaster shown = CalibratedForecaster.of(stored, List.of());
        return CalibratedForecaster.of(stored, ConformalIntervals.calibrate(shown, validation, lookback - 1));
    }

    public static ChronologicalSplit of(SensorSeries series, int lookback, int horizon) {
        return of(series, lookback, horizon, 0.6, 0.2);
    }

    /**
     * @param lookback steps before an origin, the origin included, that a window reads
     */
    public static ChronologicalSplit of(SensorSeries series, int lookback, int horizon, double trainShare, double validationShare) {
        int first = lookback - 1;
        int last = series.length() - horizon - 1;
        int windows = last - first + 1;
        if (windows < 10) {
            throw new IllegalArgumentException("too little data to split: " + series.length() + " steps give " + Math.max(0, windows)
                    + " windows with a lookback of " + lookback + " and a horizon of " + horizon);
        }
        int trainCount = (int) (windows * trainShare);
        int validationCount = (int) (windows * validationShare);
        return of(series, lookback, horizon, trainCount, validationCount, first + trainCount + validationCount, last);
    }

    /**
     * The split with its counts given: the first {@code trainCount} origins train, the next
     * {@code validationCount} validate, and the origins from index {@code testFirst} to {@code testLast}
     * test (a test range given in time may end before the data does).
     */
    public static ChronologicalSplit of(SensorSeries series, int lookback, int horizon, int trainCount, int validationCount,
                                        int testFirst, int testLast) {
        int first = lookback - 1;
        int trainLast = first + trainCount - 1;
        int validationFirst = trainLast + 1;
        int validationLast = validationFirst + validationCount - 1;
        if (trainCount < 1 || validationCount < 1 || validationLast >= testFirst || testLast < testFirst
                || testLast > series.length() - horizon - 1) {
            throw new IllegalArgumentException("cannot split " + series.length() + " steps into " + trainCount + " training and "
                    + validationCount + " validation windows before test origins " + testFirst + " to " + testLast);
        }
        return new ChronologicalSplit(
                series.sliceTime(0, trainLast + horizon + 1),
                series.sliceTime(validationFirst - lookback + 1, validationLast + horizon + 1),
                series.sliceTime(testFirst - lookback + 1, testLast + horizon + 1),
                trainCount, validationCount, testLast - testFirst + 1, lookback);
    }
}
