package org.flowcast.app.cli;

import org.flowcast.model.TrainingConfig;
import picocli.CommandLine.Option;

/**
 * The {@code --average-decay} option of 'train' and 'bench models', and the protocol's training
 * configuration built with it, checked before any data is read.
 */
public final class AverageDecayOption {
    @Option(names = "--average-decay", paramLabel = "D", defaultValue = "0.99",
            description = "Validation and the saved weights use a moving average of the weights that keeps min(D, (1+t)/(10+t)) "
                    + "of itself at step t; 0 uses the last step's weights (default: ${DEFAULT-VALUE}).")
    double averageDecay;

    TrainingConfig config(int horizon, int epochs, long seed) {
        try {
            return TrainingConfig.defaults().withHorizon(horizon).withEpochs(epochs).withSeed(seed).withAverageDecay(averageDecay);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage() + "; check --epochs and --average-decay");
        }
    }
}
