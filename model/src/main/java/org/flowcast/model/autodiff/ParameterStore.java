package org.flowcast.model.autodiff;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A model's trainable arrays by name, in creation order. A parameter is created the first time a
 * forward pass asks for it, from the store's seeded generator, so that the seed and the order of the
 * graph fix the initial weights.
 */
public final class ParameterStore {
    /** One trainable array; its values are updated in place by the optimiser. */
    public record Parameter(String name, int[] shape, float[] value) {
    }

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final SplittableRandom random;

    public ParameterStore(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public Map<String, Parameter> all() {
        return Collections.unmodifiableMap(parameters);
    }

    public long count() {
        long n = 0;
        for (Parameter p : parameters.values()) {
            n += p.value().length;
        }
        return n;
    }

    Parameter get(String name, int[] shape, Supplier<float[]> initial) {
        Parameter p = parameters.get(name);
        if (p == null) {
            p = new Parameter(name, shape.clone(), initial.get());
            parameters.put(name, p);
        } else if (!Arrays.equals(p.shape(), shape)) {
            throw new IllegalArgumentException("parameter " + name + " asked for with shape " + Arrays.toString(shape)
                    + ", created with " + Arrays.toString(p.shape()));
        }
        return p;
    }

    /** Xavier-uniform values: U(−b, b) with {@code b = sqrt(6 / (fanIn + fanOut))}. */
    float[] xavier(int size, int fanIn, int fanOut) {
        return uniform(size, Math.sqrt(6.0 / (fanIn + fanOut)));
    }

    float[] uniform(int size, double bound) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return values;
    }
}
