package org.flowcast.model.neural;
import java.util.Arrays;
import org.flowcast.model.window.WindowSpec;
import org.flowcast.model.window.Windows;

/**
 * The windows at some indices gathered into row-major arrays: recent [size, P, N+8], daily and weekly
 * [size, P+H, N] (null where the spec has none), and, for training, target and mask [size, H·N].
 */
record Batch(int size, float[] recent, float[] daily, float[] weekly, float[] target, float[] mask) {

    static Batch of(Windows w, int[] indices, int from, int to, boolean withLabels) {
        int recentSize = w.spec.inputSteps() * w.spec.recentFeatures(w.stations);
        int periodicSize = w.spec.periodicSteps() * w.stations;
        int targetSize = w.spec.horizon() * w.stations;
        return new Batch(to - from,
                gather(w.recent, recentSize, indices, from, to),
                w.spec.daily() ? gather(w.daily, periodicSize, indices, from, to) : null,
                w.spec.weekly() ? gather(w.weekly, periodicSize, indices, from, to) : null,
                withLabels ? gather(w.target, targetSize, indices, from, to) : null,
                withLabels ? gather(w.mask, targetSize, indices, from, to) : null);
    }

    /** Rows {@code from..to} of this batch. */
    Batch rows(int from, int to) {
        return new Batch(to - from, slice(recent, from, to), slice(daily, from, to), slice(weekly, from, to),
                slice(target, from, to), slice(mask, from, to));
    }

    double maskTotal() {
        double total = 0;
        for (float m : mask) {
            total += m;
        }
        return total;
    }

    /** A batch of one window of zeros, to create a model's parameters. */
    static Batch empty(WindowSpec spec, int stations) {
        int periodic = spec.periodicSteps() * stations;
        return new Batch(1, new float[spec.inputSteps() * spec.recentFeatures(stations)], spec.daily() ? new float[periodic] : null,
                spec.weekly() ? new float[periodic] : null, null, null);
    }

    private float[] slice(float[] array, int from, int to) {
        if (array == null) {
            return null;
        }
        int row = array.length / size;
        return Arrays.copyOfRange(array, from * row, to * row);
    }

    private static float[] gather(float[] source, int rowSize, int[] indices, int from, int to) {
        float[] rows = new float[(to - from) * rowSize];
        for (int i = from; i < to; i++) {
            int row = indices == null ? i : indices[i];
            System.arraycopy(source, row * rowSize, rows, (i - from) * rowSize, rowSize);
        }
        return rows;
    }
}
