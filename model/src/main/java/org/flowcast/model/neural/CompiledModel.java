package org.flowcast.model.neural;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.autodiff.Losses;
import org.flowcast.model.autodiff.ParameterStore;
import org.flowcast.model.autodiff.Tape;
import org.flowcast.model.autodiff.Tensor;
import org.flowcast.model.autodiff.Weights;
import org.flowcast.model.window.WindowSpec;

/**
 * An architecture with its parameters: runs forward passes on batches, and the masked-MAE loss and its
 * gradients for training. A batch is split into two fixed halves that run on two threads where the
 * machine has them; the halves' gradients are summed in a fixed order, so results do not depend on the
 * number of cores. Not thread-safe.
 */
public final class CompiledModel {
    private static final int SHARDS = 2;

    final NeuralArchitecture architecture;
    final WindowSpec spec;
    final int stations;
    private final ParameterStore store;
    private final boolean attention;

    /** The loss of a batch and its gradient for every parameter, by name. */
    record Gradients(double loss, Map<String, float[]> byParameter) {
    }

    /**
     * Predictions [size, H·N], attention [size, P] (null for a model without) and the named additive parts
     * of the predictions, each [size, H·N] (empty for a model without).
     */
    record Output(float[] prediction, float[] attention, Map<String, float[]> parts) {
    }

    private CompiledModel(NeuralArchitecture architecture, WindowSpec spec, int stations, ParameterStore store, boolean attention) {
        this.architecture = architecture;
        this.spec = spec;
        this.stations = stations;
        this.store = store;
        this.attention = attention;
    }

    /** Creates the parameters, drawing initial weights from the seed. */
    public static CompiledModel compile(NeuralArchitecture architecture, WindowSpec spec, int stations, long seed) {
        ParameterStore store = new ParameterStore(seed);
        GraphOutputs outputs = forward(architecture, spec, stations, new Weights(store, new Tape(false)), Batch.empty(spec, stations));
        if (outputs.prediction().size() != spec.horizon() * stations) {
            throw new IllegalStateException(architecture.name() + " predicts " + outputs.prediction().size() + " values, not H·N = "
                    + spec.horizon() * stations);
        }
        return new CompiledModel(architecture, spec, stations, store, outputs.attention() != null);
    }

    private static GraphOutputs forward(NeuralArchitecture architecture, WindowSpec spec, int stations, Weights weights, Batch batch) {
        return forward(architecture, spec, stations, weights, batch, Dropout.OFF);
    }

    private static GraphOutputs forward(NeuralArchitecture architecture, WindowSpec spec, int stations, Weights weights, Batch batch,
                                        Dropout dropout) {
        Tape tape = weights.tape();
        int b = batch.size();
        Tensor recent = tape.constant(batch.recent(), b, spec.inputSteps(), spec.recentFeatures(stations));
        Tensor daily = batch.daily() == null ? null : tape.constant(batch.daily(), b, spec.periodicSteps(), stations);
        Tensor weekly = batch.weekly() == null ? null : tape.constant(batch.weekly(), b, spec.periodicSteps(), stations);
        return architecture.build(new GraphInputs(recent, daily, weekly, stations, spec.inputSteps(), spec.horizon(), dropout),
                weights);
    }

    /**
     * The loss of a training batch and its gradients; dropout masks (for architectures that use dropout)
     * come from {@code noiseSeed}, a different one per shard, so the result does not depend on the threads.
     */
    Gradients lossAndGradients(Batch batch, long noiseSeed) {
        double denominator = batch.maskTotal() + 1.0;
        List<Gradients> parts = onShards(batch, (shard, index) -> {
            Tape tape = new Tape(true);
            Weights weights = new Weights(store, tape);
            GraphOutputs outputs = forward(architecture, spec, stations, weights, shard, Dropout.seeded(noiseSeed * 31 + index));
            Tensor loss = Losses.maskedAbsoluteError(outputs.prediction(), shard.target(), shard.mask(), denominator);
            tape.backward(loss);
            Map<String, float[]> gradients = new LinkedHashMap<>();
            weights.leaves().forEach((name, leaf) -> gradients.put(name, leaf.grad()));
            return new Gradients(loss.data()[0], gradients);
        });
        // The first shard's arrays become the sums, element by element in shard order: the same whatever the threads.
        Map<String, float[]> total = new LinkedHashMap<>();
        for (String name : store.all().keySet()) {
            float[] sum = parts.get(0).byParameter().get(name);
            total.put(name, sum != null ? sum : new float[store.all().get(name).value().length]);
        }
        if (parts.size() > 1) {
            List<float[]> sums = new ArrayList<>();
            List<float[]> addends = new ArrayList<>();
            total.forEach((name, sum) -> {
                float[] g = parts.get(1).byParameter().get(name);
                if (g != null) {
                    sums.add(sum);
                    addends.add(g);
                }
            });
            TwoThreads.halves(sums.stream().mapToInt(a -> a.length).toArray(), (k, half, from, to) -> {
                float[] sum = sums.get(k);
                float[] g = addends.get(k);
                for (int i = from; i < to; i++) {
                    sum[i] += g[i];
                }
            });
        }
        double loss = 0;
        for (Gradients part : parts) {
            loss += part.loss();
        }
        return new Gradients(loss, total);
    }

    Output predict(Batch batch) {
        List<Output> parts = onShards(batch, (shard, index) -> {
            GraphOutputs outputs = forward(architecture, spec, stations, new Weights(store, new Tape(false)), shard);
            Map<String, float[]> named = new LinkedHashMap<>();
            outputs.parts().forEach((name, tensor) -> named.put(name, tensor.data()));
            return new Output(outputs.prediction().data(), outputs.attention() == null ? null : outputs.attention().data(), named);
        });
        Map<String, float[]> joinedParts = new LinkedHashMap<>();
        for (String name : parts.get(0).parts().keySet()) {
            joinedParts.put(name, join(parts.stream().map(o -> o.parts().get(name)).toList()));
        }
        return new Output(join(parts.stream().map(Output::prediction).toList()),
                attention ? join(parts.stream().map(Output::attention).toList()) : null, joinedParts);
    }

    private static float[] join(List<float[]> parts) {
        int length = parts.stream().mapToInt(p -> p.length).sum();
        float[] out = new float[length];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private interface ShardTask<T> {
        T run(Batch shard, int index);
    }

    private static <T> List<T> onShards(Batch batch, ShardTask<T> task) {
        int shards = Math.min(SHARDS, batch.size());
        if (shards == 1) {
            return List.of(task.run(batch, 0));
        }
        int half = (batch.size() + 1) / 2;
        Batch first = batch.rows(0, half);
        Batch second = batch.rows(half, batch.size());
        return TwoThreads.both(() -> task.run(first, 0), () -> task.run(second, 1));
    }

    public long parameterCount() {
        return store.count();
    }

    boolean hasAttention() {
        return attention;
    }

    /** The parameters in creation order (the optimiser updates their values in place). */
    Map<String, ParameterStore.Parameter> parameters() {
        return store.all();
    }

    /** Copies of the current weights, for files and for restoring the best epoch. */
    Map<String, FloatArray> weights() {
        Map<String, FloatArray> weights = new LinkedHashMap<>();
        store.all().forEach((name, p) -> weights.put(name, new FloatArray(toLong(p.shape()), p.value().clone())));
        return weights;
    }

    void setWeights(Map<String, FloatArray> weights) {
        for (String name : weights.keySet()) {
            if (!store.all().containsKey(name)) {
                throw new IllegalArgumentException("the weight " + name + " is not one of the model's");
            }
        }
        for (ParameterStore.Parameter p : store.all().values()) {
            FloatArray stored = weights.get(p.name());
            if (stored == null) {
                throw new IllegalArgumentException("the weights lack " + p.name());
            }
            if (!Arrays.equals(toLong(p.shape()), stored.shape())) {
                throw new IllegalArgumentException("weight " + p.name() + " has shape " + Arrays.toString(stored.shape())
                        + " where the model has " + Arrays.toString(p.shape()));
            }
            System.arraycopy(stored.values(), 0, p.value(), 0, p.value().length);
        }
    }

    private static long[] toLong(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i];
        }
        return s;
    }
}
