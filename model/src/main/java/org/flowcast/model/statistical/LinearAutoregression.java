package org.flowcast.model.statistical;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.flowcast.core.Channel;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Provenance;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.Bounds;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.StoredForecaster;
import org.flowcast.model.window.WindowSpec;

/**
 * A linear autoregressive model per station and horizon step, fitted by ridge regression (Commons
 * Math Cholesky on the normal equations): the flow {@code h} steps ahead from the last {@code lags}
 * flows and the flows of the target slot one day and one week earlier, plus an intercept.
 */
public final class LinearAutoregression extends StatisticalForecaster {
    public static final String NAME = "linear-ar";
    static final int LAGS = 12;
    static final int FEATURES = LAGS + 3;
    /** [station][h - 1][feature]. */
    private final float[] coefficients;
    private final float lambda;

    /** Rebuilds the model from its file. */
    public static StoredForecaster load(StatisticalModelFiles.Fitted f) {
        return new LinearAutoregression(f.horizon(), f.stationIds(), f.fallback(), f.provenance(),
                f.values("coefficients", f.stationIds().size(), f.horizon(), FEATURES), f.values("lambda", 1)[0]);
    }

    LinearAutoregression(int horizon, List<Integer> stationIds, float fallback, Provenance provenance, float[] coefficients, float lambda) {
        super(NAME, horizon, stationIds, fallback, provenance);
        this.coefficients = coefficients;
        this.lambda = lambda;
    }

    /** Typed hyperparameters: the ridge penalty (past 1e6 of the sample count, every lag weight is 0 and only the intercept is fitted). */
    public record Parameters(@Bounds(min = 0, max = 1e6) double lambda) {
        public Parameters {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("lambda must be a finite number of at least 0, not " + lambda);
            }
        }

        public static Parameters defaults() {
            return new Parameters(0.01);
        }
    }

    public static ForecastTrainer trainer(int horizon, double lambda) {
        return new StatisticalTrainer(NAME, train -> fit(train, horizon, lambda));
    }

    private static LinearAutoregression fit(SensorSeries train, int horizon, double lambda) {
        int n = train.stationCount();
        float[] coefficients = new float[n * horizon * FEATURES];
        float fallback = meanFlow(train);
        double[] x = new double[FEATURES];
        for (int s = 0; s < n; s++) {
            for (int h = 1; h <= horizon; h++) {
                double[][] xtx = new double[FEATURES][FEATURES];
                double[] xty = new double[FEATURES];
                int samples = 0;
                for (int t = WindowSpec.WEEK_STEPS; t + h < train.length(); t++) {
                    float y = train.value(t + h, s, Channel.FLOW);
                    if (Float.isNaN(y) || !features(train, t, s, h, fallback, x)) {
                        continue;
                    }
                    for (int i = 0; i < FEATURES; i++) {
                        xty[i] += x[i] * y;
                        for (int j = 0; j < FEATURES; j++) {
                            xtx[i][j] += x[i] * x[j];
                        }
                    }
                    samples++;
                }
                int base = (s * horizon + h - 1) * FEATURES;
                if (samples < FEATURES) {
                    coefficients[base + FEATURES - 1] = fallback;
                    continue;
                }
                for (int i = 0; i < FEATURES - 1; i++) {
                    xtx[i][i] += lambda * samples; // ridge, scaled to the sample count; the intercept is not penalised
                }
                RealMatrix a = new Array2DRowRealMatrix(xtx, false);
                RealVector beta = new CholeskyDecomposition(a, 1e-10, 1e-12).getSolver().solve(new ArrayRealVector(xty, false));
                for (int i = 0; i < FEATURES; i++) {
                    coefficients[base + i] = (float) beta.getEntry(i);
                }
            }
        }
        return new LinearAutoregression(horizon, Persistence.ids(train), fallback,
                Provenance.of(NAME, Map.of("horizon", String.valueOf(horizon), "lambda", String.valueOf(lambda),
                        "lags", String.valueOf(LAGS)), train, 0), coefficients, (float) lambda);
    }

    /** Fills the features of origin {@code t} for step {@code h}; false where the recent window has no value at all. */
    static boolean features(SensorSeries series, int t, int s, int h, float fallback, double[] x) {
        float last = Float.NaN;
        for (int i = 0; i < LAGS; i++) {
            int step = t - LAGS + 1 + i;
            float v = step >= 0 ? series.value(step, s, Channel.FLOW) : Float.NaN;
            if (!Float.isNaN(v)) {
                last = v;
            }
            x[i] = v;
        }
        if (Float.isNaN(last)) {
            return false;
        }
        // Carry values forward through gaps, and back to the window start.
        float carry = Float.NaN;
        for (int i = 0; i < LAGS; i++) {
            if (Double.isNaN(x[i])) {
                x[i] = Float.isNaN(carry) ? last : carry;
            } else {
                carry = (float) x[i];
            }
        }
        int target = t + h;
        float day = target - WindowSpec.DAY_STEPS >= 0 ? series.value(target - WindowSpec.DAY_STEPS, s, Channel.FLOW) : Float.NaN;
        float week = target - WindowSpec.WEEK_STEPS >= 0 ? series.value(target - WindowSpec.WEEK_STEPS, s, Channel.FLOW) : Float.NaN;
        x[LAGS] = Float.isNaN(day) ? (Float.isNaN(week) ? last : week) : day;
        x[LAGS + 1] = Float.isNaN(week) ? x[LAGS] : week;
        x[LAGS + 2] = 1;
        return true;
    }

    @Override
    public int historySteps() {
        return WindowSpec.WEEK_STEPS + 1;
    }

    @Override
    float forecast(SensorSeries history, int t, int s, int h) {
        double[] x = new double[FEATURES];
        if (!features(history, t, s, h, fallback, x)) {
            return Float.NaN;
        }
        int base = (s * horizon + h - 1) * FEATURES;
        double y = 0;
        for (int i = 0; i < FEATURES; i++) {
            y += coefficients[base + i] * x[i];
        }
        return (float) y;
    }

    @Override
    Map<String, FloatArray> arrays() {
        return Map.of("coefficients", new FloatArray(new long[] {stationIds.size(), horizon, FEATURES}, coefficients),
                "lambda", new FloatArray(new long[] {1}, new float[] {lambda}));
    }
}
