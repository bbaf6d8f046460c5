package org.flowcast.model.neural;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowcast.model.autodiff.Tensor;

/**
 * What a model's forward pass gives: {@code prediction} [batch, horizon * stations] of z-scored flow,
 * step by step (step-major), optionally {@code attention} [batch, inputSteps], rows summing to 1, and
 * optionally the named additive {@code parts} the prediction is the sum of (each shaped like it, in
 * the order the forecast shows them).
 */
public record GraphOutputs(Tensor prediction, Tensor attention, Map<String, Tensor> parts) {
    public GraphOutputs {
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** A prediction that is not shown as a sum of parts. */
    public GraphOutputs(Tensor prediction, Tensor attention) {
        this(prediction, attention, Map.of());
    }
}
