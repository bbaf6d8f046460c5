package org.flowcast.model.autodiff;

import org.nd4j.linalg.cpu.nativecpu.blas.CpuLevel3;

/**
 * Products through the BLAS call of ND4J's CPU backend ({@code CpuLevel3.sgemm}, the OpenBLAS that
 * nd4j-native links) on the operands' ND4J memory. It is reached by extending {@code CpuLevel3} because
 * ND4J 1.0.0-M2.1's public {@code gemm} builds a {@code GemmParams} and a new {@code Mmul} op on every call.
 * Measured per call on the Conv-LSTM's shapes (`../shared/notes/nd4j-backend.md`): 62–96 µs at 64×64·64×256
 * and 64×89·89×256 against 75–113 µs for the executioner with a reused op and context
 * ({@link MmulProducts}) and 98–150 µs for {@code Nd4j.gemm} or {@code level3().gemm}; 55% of the
 * model's products are under 0.5 MFLOP, where that difference is a fifth of the product.
 */
final class Level3Products extends CpuLevel3 implements MatrixProducts {
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Blas.Operand a, Blas.Operand b, float beta,
                     Blas.Operand c) {
        // ND4J's call is column-major; a row-major c = op(a)·op(b) is the column-major cᵀ = op(b)ᵀ·op(a)ᵀ on the
        // same memory (the swap OpenBLAS makes for a row-major call itself, so results are the same to the bit).
        sgemm('f', transB ? 'T' : 'N', transA ? 'T' : 'N', n, m, k, alpha, b.array(), transB ? k : n, a.array(), transA ? m : k,
                beta, c.array(), n);
    }

    @Override
    public String name() {
        return "nd4j-native level3 sgemm";
    }
}
