package org.flowcast.model.autodiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.openblas.global.openblas;

/**
 * Single-precision matrix products on row-major Java arrays through the OpenBLAS that ND4J ships.
 * The operands are copied into per-thread direct buffers: JavaCPP's {@code float[]} overloads copy
 * the whole array through JNI on every call (4 ms per million floats here), a plain copy costs a
 * small fraction of the product.
 */
final class Blas {
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static {
        // The model splits each batch over two threads of its own; a multi-threaded BLAS under them ran 40%
        // slower here, and its results depended on the thread count.
        openblas.blas_set_num_threads(1);
    }

    private Blas() {
    }

    /**
     * {@code c[cOff..] = alpha · op(a) · op(b) + beta · c}, with op(a) m×k, op(b) k×n and c m×n, all
     * contiguous; a transposed operand is stored as its transpose (k×m, n×k).
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, float[] b, int bOff,
                     float beta, float[] c, int cOff) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m * n; i++) {
                c[cOff + i] = beta == 0 ? 0 : beta * c[cOff + i];
            }
            return;
        }
        Scratch s = SCRATCH.get();
        FloatBuffer fa = s.a(m * k);
        fa.put(a, aOff, m * k).clear();
        FloatBuffer fb = s.b(k * n);
        fb.put(b, bOff, k * n).clear();
        FloatBuffer fc = s.c(m * n);
        if (beta != 0) {
            fc.put(c, cOff, m * n).clear();
        }
        openblas.cblas_sgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha, fa, transA ? m : k, fb, transB ? k : n,
                beta, fc, n);
        fc.get(c, cOff, m * n).clear();
    }

    /** Direct buffers that grow to the largest operand seen on this thread. */
    private static final class Scratch {
        private FloatBuffer a = allocate(1 << 16);
        private FloatBuffer b = allocate(1 << 16);
        private FloatBuffer c = allocate(1 << 16);

        FloatBuffer a(int size) {
            if (a.capacity() < size) {
                a = allocate(size);
            }
            a.clear();
            return a;
        }

        FloatBuffer b(int size) {
            if (b.capacity() < size) {
                b = allocate(size);
            }
            b.clear();
            return b;
        }

        FloatBuffer c(int size) {
            if (c.capacity() < size) {
                c = allocate(size);
            }
            c.clear();
            return c;
        }

        private static FloatBuffer allocate(int floats) {
            int capacity = Math.max(floats, 1 << 16);
            capacity = Integer.highestOneBit(capacity - 1) << 1;
            return ByteBuffer.allocateDirect(capacity * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
    }
}
