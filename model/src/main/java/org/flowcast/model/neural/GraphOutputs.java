package org.flowcast.model.neural;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * What a model's graph gives: {@code prediction} [batch, horizon * stations] of z-scored flow, step
 * by step (step-major), and optionally {@code attention} [batch, inputSteps], rows summing to 1.
 */
public record GraphOutputs(SDVariable prediction, SDVariable attention) {
}
