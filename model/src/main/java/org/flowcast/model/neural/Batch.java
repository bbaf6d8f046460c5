package org.flowcast.model.neural;

import java.util.HashMap;
import java.util.Map;
import org.flowcast.model.window.Windows;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Gathers the windows at some indices into the placeholder arrays of a {@link CompiledModel}. */
final class Batch {
    private Batch() {
    }

    static Map<String, INDArray> of(Windows w, int[] indices, int from, int to, boolean withLabels) {
        int n = to - from;
        int recentSize = w.spec.inputSteps() * w.spec.recentFeatures(w.stations);
        int periodicSize = w.spec.periodicSteps() * w.stations;
        int targetSize = w.spec.horizon() * w.stations;
        Map<String, INDArray> map = new HashMap<>();
        map.put(CompiledModel.RECENT, gather(w.recent, recentSize, indices, from, to,
                new long[] {n, w.spec.inputSteps(), w.spec.recentFeatures(w.stations)}));
        if (w.spec.daily()) {
            map.put(CompiledModel.DAILY, gather(w.daily, periodicSize, indices, from, to, new long[] {n, w.spec.periodicSteps(), w.stations}));
        }
        if (w.spec.weekly()) {
            map.put(CompiledModel.WEEKLY, gather(w.weekly, periodicSize, indices, from, to, new long[] {n, w.spec.periodicSteps(), w.stations}));
        }
        if (withLabels) {
            map.put(CompiledModel.TARGET, gather(w.target, targetSize, indices, from, to, new long[] {n, targetSize}));
            map.put(CompiledModel.MASK, gather(w.mask, targetSize, indices, from, to, new long[] {n, targetSize}));
        }
        return map;
    }

    private static INDArray gather(float[] source, int rowSize, int[] indices, int from, int to, long[] shape) {
        float[] rows = new float[(to - from) * rowSize];
        for (int i = from; i < to; i++) {
            int row = indices == null ? i : indices[i];
            System.arraycopy(source, row * rowSize, rows, (i - from) * rowSize, rowSize);
        }
        return Nd4j.create(rows, shape, 'c');
    }
}
