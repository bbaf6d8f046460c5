package org.flowcast.model.neural;

/** Follows training for a progress display; called on the training thread. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {
    };

    default void epochStarted(int epoch, int maxEpochs, int batches) {
    }

    default void batchFinished(int epoch, int batch, double loss) {
    }

    default void epochFinished(EpochReport report) {
    }

    default void message(String text) {
    }
}
