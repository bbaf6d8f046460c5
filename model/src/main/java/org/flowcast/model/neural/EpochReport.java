package org.flowcast.model.neural;

/**
 * One finished epoch: mean training loss (MAE on z-scored flow), validation MAE in vehicles per
 * 5 minutes (masked as the metrics are), throughput of the training pass (windows per second of
 * forward, backward and update, validation excluded), seconds of the training pass and of the whole
 * epoch, and whether it is the best so far.
 */
public record EpochReport(int epoch, double trainLoss, double validationMae, double samplesPerSecond, double trainingSeconds,
                          double seconds, boolean best, double learningRate) {
}
