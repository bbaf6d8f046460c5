package org.flowcast.model.autodiff;

import org.nd4j.linalg.factory.Nd4j;

/** Names the ND4J backend and product path the operations run on, for benchmarks and reports. */
public final class NumericBackend {
    private NumericBackend() {
    }

    /** For example "CpuBackend, nd4j-native level3 sgemm"; starts ND4J if nothing has yet. */
    public static String describe() {
        return Nd4j.getBackend().getClass().getSimpleName() + ", " + Blas.products();
    }
}
