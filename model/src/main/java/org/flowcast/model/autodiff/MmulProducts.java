package org.flowcast.model.autodiff;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Products through ND4J's executioner: one reused {@code matmul} op, and one {@code OpContext} per thread
 * and operand set (block, offset, shape, flags), made on first use and kept for the thread's life (closing
 * contexts early crashed a run of ND4J 1.0.0-M2.1 once; upstream fixes its release bugs after M2.1). This
 * is the path of a backend other than nd4j-native; on the CPU it cost 10–25% more per product than
 * {@link Level3Products} at the model's shapes, so it is chosen there only by {@code -Dflowcast.products=mmul}.
 */
final class MmulProducts implements MatrixProducts {
    private static final Mmul MATMUL = new Mmul();
    private static final ThreadLocal<Map<Key, OpContext>> CONTEXTS = ThreadLocal.withInitial(HashMap::new);

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Blas.Operand a, Blas.Operand b, float beta,
                     Blas.Operand c) {
        Key key = new Key(a.block().serial(), a.offset(), b.block().serial(), b.offset(), c.block().serial(), c.offset(), m, n, k,
                transA, transB, alpha, beta);
        OpContext context = CONTEXTS.get().computeIfAbsent(key, unused -> {
            INDArray x = a.block().matrix(a.offset(), transA ? k : m, transA ? m : k);
            INDArray y = b.block().matrix(b.offset(), transB ? n : k, transB ? k : n);
            INDArray z = c.block().matrix(c.offset(), m, n);
            OpContext made = Nd4j.getExecutioner().buildContext();
            made.setInputArrays(x, y);
            made.setOutputArrays(z);
            made.setIArguments(transA ? 1 : 0, transB ? 1 : 0, 0);
            made.setTArguments(alpha, beta);
            return made;
        });
        Nd4j.getExecutioner().exec(MATMUL, context);
    }

    @Override
    public String name() {
        return "nd4j executioner matmul";
    }

    private record Key(int aBlock, int aOffset, int bBlock, int bOffset, int cBlock, int cOffset, int m, int n, int k, boolean transA,
                       boolean transB, float alpha, float beta) {
    }
}
