package org.flowcast.model.autodiff;
import org.nd4j.linalg.cpu.nativecpu.blas.CpuLevel3;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Row-major single-precision products {@code c = alpha · op(a) · op(b) + beta · c} on ND4J memory, with
 * op(a) m×k, op(b) k×n and c m×n, a transposed operand stored as its transpose. One implementation is
 * chosen for the ND4J backend on the classpath when the first product runs, so that commands that train
 * or run no neural model never pay ND4J's start-up (4–6 s).
 */
interface MatrixProducts {
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Blas.Operand a, Blas.Operand b, float beta,
              Blas.Operand c);

    /** ND4J's name for the way products run, for benchmarks and provenance. */
    String name();

    /**
     * The products for the backend ND4J loaded: its BLAS called on the operands' memory on the CPU backend
     * ({@link Level3Products}), ND4J's executioner with a reused matmul op elsewhere ({@link MmulProducts});
     * the system property {@code flowcast.products=mmul} chooses the latter on the CPU too, to compare them.
     */
    static MatrixProducts forBackend() {
        // The model splits each batch over two threads of its own; a multi-threaded BLAS under them ran 40%
        // slower here, and its results depended on the thread count.
        Nd4j.factory().blas().setMaxThreads(1);
        boolean cpu = Nd4j.getBlasWrapper().level3() instanceof CpuLevel3;
        if (cpu && !"mmul".equals(System.getProperty("flowcast.products"))) {
            return new Level3Products();
        }
        return new MmulProducts();
    }
}
