package org.flowcast.app.cli;

import org.flowcast.model.TrainingConfig;

/** The training configuration of the protocol with the options 'train' and 'bench models' share, checked before any data is read. */
final class TrainingConfigOption {
    private TrainingConfigOption() {
    }

    static TrainingConfig config(int horizon, int epochs, long seed, double averageDecay) {
        try {
            return TrainingConfig.defaults().withHorizon(horizon).withEpochs(epochs).withSeed(seed).withAverageDecay(averageDecay);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage() + "; check --epochs and --average-decay");
        }
    }
}
