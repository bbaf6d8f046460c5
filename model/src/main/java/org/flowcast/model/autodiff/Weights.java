package org.flowcast.model.autodiff;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands a forward pass its parameters as leaves of the pass's tape, creating them in the
 * {@link ParameterStore} on first use (Xavier-uniform weights, zero or given biases). A parameter asked
 * for twice in one pass is the same leaf, so its gradient sums over its uses.
 */
public final class Weights {
    private final ParameterStore store;
    private final Tape tape;
    private final Map<String, Tensor> leaves = new LinkedHashMap<>();

    public Weights(ParameterStore store, Tape tape) {
        this.store = store;
        this.tape = tape;
    }

    public Tape tape() {
        return tape;
    }

    /** A weight with the fan-in and fan-out for its Xavier bound. */
    public Tensor weight(String name, int fanIn, int fanOut, int... shape) {
        int size = 1;
        for (int s : shape) {
            size *= s;
        }
        int n = size;
        return leaf(store.get(name, shape, () -> store.xavier(n, fanIn, fanOut)));
    }

    /** A weight drawn from U(−bound, bound). */
    public Tensor uniform(String name, double bound, int... shape) {
        int size = 1;
        for (int v : shape) {
            size *= v;
        }
        int n = size;
        return leaf(store.get(name, shape, () -> store.uniform(n, bound)));
    }

    public Tensor matrix(String name, int rows, int columns) {
        return weight(name, rows, columns, rows, columns);
    }

    public Tensor zeros(String name, int size) {
        return leaf(store.get(name, new int[] {size}, () -> new float[size]));
    }

    public Tensor ones(String name, int size) {
        return leaf(store.get(name, new int[] {size}, () -> {
            float[] v = new float[size];
            Arrays.fill(v, 1f);
            return v;
        }));
    }

    /** A vector starting from the given values. */
    public Tensor vector(String name, float[] initial) {
        return leaf(store.get(name, new int[] {initial.length}, initial::clone));
    }

    /** The leaves this pass used, by parameter name (their gradients after {@link Tape#backward}). */
    public Map<String, Tensor> leaves() {
        return leaves;
    }

    private Tensor leaf(ParameterStore.Parameter p) {
        return leaves.computeIfAbsent(p.name(), k -> tape.leaf(p.value(), p.shape()));
    }
}
