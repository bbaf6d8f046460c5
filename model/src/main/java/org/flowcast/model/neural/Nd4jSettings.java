package org.flowcast.model.neural;

import org.nd4j.linalg.factory.Nd4j;

/** Process-wide ND4J settings that the neural models rely on, applied once before the first graph is built. */
final class Nd4jSettings {
    /** Resident memory of the process above which a collection frees dead native buffers; see {@link #collectIfNeeded}. */
    private static final long RESIDENT_LIMIT = 3L << 30;
    private static boolean applied;

    private Nd4jSettings() {
    }

    static synchronized void apply() {
        if (applied) {
            return;
        }
        // ND4J calls System.gc() every few seconds by default to free native buffers; in training that doubled
        // the median step time of the Conv-LSTM here. collectIfNeeded frees them by the amount held instead.
        Nd4j.getMemoryManager().togglePeriodicGc(false);
        applied = true;
    }

    /**
     * Collects garbage when the process holds more than 3 GiB: ND4J's native buffers are freed only
     * when their Java owners are collected, and training allocates them much faster than it fills the
     * heap (without this, a 30-epoch run grew past 16 GB). JavaCPP's own counter does not see them,
     * so the resident size is read.
     */
    static void collectIfNeeded() {
        if (org.bytedeco.javacpp.Pointer.physicalBytes() > RESIDENT_LIMIT) {
            System.gc();
        }
    }
}
