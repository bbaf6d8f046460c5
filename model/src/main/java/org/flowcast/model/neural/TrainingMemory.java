package org.flowcast.model.neural;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowcast.model.ModelTooLargeException;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.window.WindowSpec;

/**
 * What training a neural model holds in the heap, estimated from its {@link ModelSize} before anything is
 * allocated: its weights {@value #WEIGHT_COPIES} times over (values, both batch halves' gradients, Adam's two
 * moments, the weight average and the best epoch's copy), a batch's activations twice (the forward pass's
 * values and their gradients) and the training and validation windows. Rough by design, within a factor of
 * about two: it is there to refuse with a sentence a model that cannot fit, where training would otherwise
 * fail on a negative array size or run out of memory hours in.
 */
public record TrainingMemory(String model, Map<String, String> hyperparameters, int stations, long parameters, int batchSize,
                             long weightBytes, long batchBytes, long windowBytes) {
    static final int WEIGHT_COPIES = 7;

    /** The estimate for {@code architecture} trained with {@code config} on {@code stations} stations and {@code origins} windows. */
    public static TrainingMemory of(NeuralArchitecture architecture, TrainingConfig config, int stations, long origins) {
        WindowSpec spec = architecture.windowSpec(config.inputSteps(), config.horizon());
        ModelSize size = architecture.size(spec, stations);
        long windowFloats = spec.inputSteps() * (long) spec.recentFeatures(stations)
                + ((spec.daily() ? 1 : 0) + (spec.weekly() ? 1 : 0)) * (long) spec.periodicSteps() * stations
                + 2L * spec.horizon() * stations;
        return new TrainingMemory(architecture.name(), architecture.hyperparameters(), stations, size.parameters(), config.batchSize(),
                size.parameters() * WEIGHT_COPIES * Float.BYTES, config.batchSize() * size.activationsPerWindow() * 2 * Float.BYTES,
                origins * windowFloats * Float.BYTES);
    }

    public long bytes() {
        return weightBytes + batchBytes + windowBytes;
    }

    /** @throws ModelTooLargeException saying the estimate, the heap and what to change, where the estimate passes {@code heapBytes} */
    public void require(long heapBytes) {
        if (bytes() <= heapBytes) {
            return;
        }
        String sizes = hyperparameters.entrySet().stream().filter(e -> e.getValue().matches("\\d+"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        throw new ModelTooLargeException(String.format(Locale.ROOT, "%s (%s) on %d stations would need about %s of heap to train: "
                + "%,d weights, %s with their gradients, optimiser state and copies; a batch of %d windows, %s; the training and "
                + "validation windows, %s. That is more than the %s of heap this JVM may use: make the model smaller (--param, "
                + "from %s), train fewer stations at once (one --corridor at a time), or give Java more heap (-Xmx; "
                + "JAVA_OPTS_FLOWCAST for the flowcast command)", model, sizes, stations, readable(bytes()), parameters,
                readable(weightBytes), batchSize, readable(batchBytes), readable(windowBytes), readable(heapBytes), sizes));
    }

    private static String readable(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : Math.max(1, Math.round(bytes / (double) (1 << 20))) + " MB";
    }
}
