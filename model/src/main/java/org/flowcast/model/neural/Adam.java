package org.flowcast.model.neural;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) with bias correction, over the parameters' arrays in place:
 * β1 0.9, β2 0.999, ε 1e-8 (PyTorch's defaults). Its moments are saved in checkpoints.
 */
final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final Map<String, float[]> first = new LinkedHashMap<>();
    private final Map<String, float[]> second = new LinkedHashMap<>();
    private long steps;

    /**
     * One step: {@code value −= rate · m̂ / (√v̂ + ε)} for every parameter with a gradient, the gradient
     * first multiplied by {@code scale} (clipping). Each element's update is independent of the others.
     */
    void step(Map<String, float[]> values, Map<String, float[]> gradients, double rate, float scale) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float stepSize = (float) (rate / correction1);
        float root = (float) Math.sqrt(correction2);
        List<String> names = new ArrayList<>(gradients.keySet());
        for (String name : names) {
            int length = gradients.get(name).length;
            first.computeIfAbsent(name, k -> new float[length]);
            second.computeIfAbsent(name, k -> new float[length]);
        }
        // Element-wise, so split between the two threads by halves of every array.
        float[][] g = new float[names.size()][];
        float[][] value = new float[names.size()][];
        float[][] m = new float[names.size()][];
        float[][] v = new float[names.size()][];
        for (int k = 0; k < names.size(); k++) {
            g[k] = gradients.get(names.get(k));
            value[k] = values.get(names.get(k));
            m[k] = first.get(names.get(k));
            v[k] = second.get(names.get(k));
        }
        TwoThreads.halves(Arrays.stream(g).mapToInt(a -> a.length).toArray(), (k, half, from, to) -> {
            float[] gk = g[k];
            float[] mk = m[k];
            float[] vk = v[k];
            float[] valuek = value[k];
            for (int i = from; i < to; i++) {
                float gi = gk[i] * scale;
                mk[i] = b1 * mk[i] + (1 - b1) * gi;
                vk[i] = b2 * vk[i] + (1 - b2) * gi * gi;
                valuek[i] -= stepSize * mk[i] / ((float) Math.sqrt(vk[i]) / root + (float) EPSILON);
            }
        });
    }

    long steps() {
        return steps;
    }

    /** The state for a checkpoint: "m/name" and "v/name" arrays. */
    Map<String, float[]> state() {
        Map<String, float[]> state = new LinkedHashMap<>();
        first.forEach((k, v) -> state.put("m/" + k, v.clone()));
        second.forEach((k, v) -> state.put("v/" + k, v.clone()));
        return state;
    }

    void restore(long steps, Map<String, float[]> state) {
        this.steps = steps;
        first.clear();
        second.clear();
        state.forEach((k, v) -> {
            if (k.startsWith("m/")) {
                first.put(k.substring(2), v.clone());
            } else if (k.startsWith("v/")) {
                second.put(k.substring(2), v.clone());
            }
        });
    }
}
