package org.flowcast.model.neural;

import org.flowcast.model.autodiff.Tensor;

/**
 * What a model's forward pass gives: {@code prediction} [batch, horizon * stations] of z-scored flow,
 * step by step (step-major), and optionally {@code attention} [batch, inputSteps], rows summing to 1.
 */
public record GraphOutputs(Tensor prediction, Tensor attention) {
}
