package org.flowcast.model.window;

import java.util.ArrayList;
import java.util.List;

/**
 * Materialised windows of one series, flattened row-major: {@code recent[n][inputSteps][features]},
 * {@code daily}/{@code weekly[n][periodicSteps][stations]} (empty where the spec has none),
 * {@code target[n][horizon * stations]} z-scored with {@code mask} 1 where the target is known.
 * Origins are grid indices of the series.
 */
public final class Windows {
    public final WindowSpec spec;
    public final int stations;
    public final int count;
    public final int[] origins;
    public final float[] recent;
    public final float[] daily;
    public final float[] weekly;
    public final float[] target;
    public final float[] mask;

    private Windows(WindowSpec spec, int stations, int[] origins) {
        this.spec = spec;
        this.stations = stations;
        this.count = origins.length;
        this.origins = origins;
        this.recent = new float[count * spec.inputSteps() * spec.recentFeatures(stations)];
        this.daily = new float[spec.daily() ? count * spec.periodicSteps() * stations : 0];
        this.weekly = new float[spec.weekly() ? count * spec.periodicSteps() * stations : 0];
        this.target = new float[count * spec.horizon() * stations];
        this.mask = new float[count * spec.horizon() * stations];
    }

    /**
     * Every origin of the matrix with its whole lookback and horizon inside it and at least one known
     * target; with {@code requireTargets} false, origins whose targets lie beyond the end are kept too
     * (for forecasting).
     */
    public static int[] origins(FlowMatrix matrix, WindowSpec spec, boolean requireTargets) {
        List<Integer> origins = new ArrayList<>();
        int last = requireTargets ? matrix.length - spec.horizon() - 1 : matrix.length - 1;
        for (int t = spec.lookback() - 1; t <= last; t++) {
            if (!requireTargets || anyTarget(matrix, spec, t)) {
                origins.add(t);
            }
        }
        return origins.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean anyTarget(FlowMatrix matrix, WindowSpec spec, int origin) {
        for (int h = 1; h <= spec.horizon(); h++) {
            for (int s = 0; s < matrix.stations; s++) {
                if (!Float.isNaN(matrix.raw[(origin + h) * matrix.stations + s])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Builds the windows at the given origins; targets beyond the matrix are masked. */
    public static Windows build(FlowMatrix m, WindowSpec spec, ZScore scaler, int[] origins) {
        Windows w = new Windows(spec, m.stations, origins);
        int n = m.stations;
        int features = spec.recentFeatures(n);
        int p = spec.inputSteps();
        int periodic = spec.periodicSteps();
        for (int i = 0; i < origins.length; i++) {
            int origin = origins[i];
            for (int step = 0; step < p; step++) {
                int t = origin - p + 1 + step;
                int base = (i * p + step) * features;
                System.arraycopy(m.filledScaled, t * n, w.recent, base, n);
                w.recent[base + n] = m.timeOfDay[t];
                w.recent[base + n + 1 + m.dayOfWeek[t]] = 1f;
            }
            if (spec.daily()) {
                copyPeriodic(m, origin - WindowSpec.DAY_STEPS, spec, w.daily, i * periodic * n);
            }
            if (spec.weekly()) {
                copyPeriodic(m, origin - WindowSpec.WEEK_STEPS, spec, w.weekly, i * periodic * n);
            }
            for (int h = 1; h <= spec.horizon(); h++) {
                for (int s = 0; s < n; s++) {
                    int t = origin + h;
                    float v = t < m.length ? m.raw[t * n + s] : Float.NaN;
                    int k = (i * spec.horizon() + h - 1) * n + s;
                    w.target[k] = Float.isNaN(v) ? 0f : scaler.scale(v);
                    w.mask[k] = Float.isNaN(v) ? 0f : 1f;
                }
            }
        }
        return w;
    }

    private static void copyPeriodic(FlowMatrix m, int shiftedOrigin, WindowSpec spec, float[] into, int offset) {
        int n = m.stations;
        int first = shiftedOrigin - spec.inputSteps() + 1;
        for (int step = 0; step < spec.periodicSteps(); step++) {
            System.arraycopy(m.filledScaled, (first + step) * n, into, offset + step * n, n);
        }
    }
}
