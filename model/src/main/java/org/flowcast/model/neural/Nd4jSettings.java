package org.flowcast.model.neural;

import org.nd4j.linalg.factory.Nd4j;

/** Process-wide ND4J settings that the neural models rely on, applied once before the first graph is built. */
final class Nd4jSettings {
    private static boolean applied;

    private Nd4jSettings() {
    }

    static synchronized void apply() {
        if (applied) {
            return;
        }
        // ND4J calls System.gc() every few seconds by default to free native buffers; in training that doubled
        // the median step time of the Conv-LSTM here. JavaCPP still collects when native memory reaches its limit.
        Nd4j.getMemoryManager().togglePeriodicGc(false);
        applied = true;
    }
}
