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
        Scratch s = SCRATCH.get();
        s.b = s.grow(s.b, k * n);
        s.b.put(b, bOff, k * n).clear();
        product(transA, transB, m, n, k, alpha, a, aOff, s.b, beta, c, cOff);
    }

    /**
     * Per-thread native buffers that operations fill and multiply in place. Each is valid until the thread
     * asks for the same slot again; the array-taking products use buffers of their own and leave these alone.
     * {@link #PINNED} and {@link #ACCUMULATOR} hold a recurrent layer's weights and their gradient over a
     * sequence; {@link #FIRST}, {@link #SECOND} and {@link #THIRD} are an operation's own operands.
     */
    enum Slot {
        PINNED, ACCUMULATOR, FIRST, SECOND, THIRD
    }

    /**
     * A native float buffer of {@code size} values that products read or write without copying, so that
     * an operand used by several products is copied once, and one built element by element (gathered
     * convolution taps) is never held in a Java array.
     */
    record Operand(FloatBuffer buffer, int size) {
        private static final float[] ZEROS = new float[4096];

        /** Sets every value to 0. */
        void zero() {
            for (int from = 0; from < size; from += ZEROS.length) {
                buffer.put(from, ZEROS, 0, Math.min(ZEROS.length, size - from));
            }
        }

        /** Copies the operand back into {@code into[offset..]}. */
        void copyTo(float[] into, int offset) {
            buffer.clear();
            buffer.get(into, offset, size).clear();
        }

        /** The values {@code offset .. offset + size} of this operand, as an operand of their own. */
        Operand view(int offset, int size) {
            return new Operand(buffer.slice(offset, size), size);
        }

        /** Adds the operand into {@code into[offset..]}, a block at a time so that the block stays in cache. */
        void addTo(float[] into, int offset) {
            float[] block = new float[Math.min(size, 1024)];
            for (int from = 0; from < size; from += block.length) {
                int length = Math.min(block.length, size - from);
                buffer.get(from, block, 0, length);
                for (int i = 0; i < length; i++) {
                    into[offset + from + i] += block[i];
                }
            }
        }
    }

    /** The thread's buffer for {@code slot} with room for {@code size} values; its contents are undefined. */
    static Operand workspace(Slot slot, int size) {
        Scratch s = SCRATCH.get();
        FloatBuffer buffer = s.grow(s.slots[slot.ordinal()], size);
        s.slots[slot.ordinal()] = buffer;
        return new Operand(buffer, size);
    }

    /** A native copy of {@code data[offset .. offset + size)} in the thread's buffer for {@code slot}. */
    static Operand copy(Slot slot, float[] data, int offset, int size) {
        Operand operand = workspace(slot, size);
        operand.buffer.put(data, offset, size).clear();
        return operand;
    }

    /**
     * A native copy of {@code data[offset .. offset + size)} to pass as the right-hand operand of products,
     * so that a recurrent layer copies its weights once per sequence rather than once per step.
     */
    static Operand pin(float[] data, int offset, int size) {
        return copy(Slot.PINNED, data, offset, size);
    }

    /** A native copy of {@code data[offset .. offset + size)} that products add into; read it back with {@link Operand#copyTo}. */
    static Operand accumulator(float[] data, int offset, int size) {
        return copy(Slot.ACCUMULATOR, data, offset, size);
    }

    /** {@code c = alpha · op(a) · op(b) + beta · c} with every operand native (shapes as in {@link #gemm}). */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Operand a, Operand b, float beta, Operand c) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = 0; i < m * n; i++) {
                c.buffer.put(i, beta == 0 ? 0 : beta * c.buffer.get(i));
            }
            return;
        }
        sgemm(transA, transB, m, n, k, alpha, a.buffer.clear(), b.buffer.clear(), beta, c.buffer.clear());
    }

    /** {@link #gemm} with a pinned right-hand operand. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, Operand b,
                     float beta, float[] c, int cOff) {
        product(transA, transB, m, n, k, alpha, a, aOff, b.buffer.clear(), beta, c, cOff);
    }

    /** {@code c += alpha · op(a) · op(b)} into an accumulator, which stays native between products. */
    static void gemmInto(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, float[] b, int bOff,
                         Operand c) {
        Scratch s = SCRATCH.get();
        s.a = s.grow(s.a, m * k);
        s.a.put(a, aOff, m * k).clear();
        s.b = s.grow(s.b, k * n);
        s.b.put(b, bOff, k * n).clear();
        sgemm(transA, transB, m, n, k, alpha, s.a, s.b, 1f, c.buffer.clear());
    }

    /** The product with the right-hand operand already native: copies a and c in, c out. */
    private static void product(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, FloatBuffer b,
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
        s.a = s.grow(s.a, m * k);
        s.a.put(a, aOff, m * k).clear();
        s.c = s.grow(s.c, m * n);
        if (beta != 0) {
            s.c.put(c, cOff, m * n).clear();
        }
        sgemm(transA, transB, m, n, k, alpha, s.a, b, beta, s.c);
        s.c.get(c, cOff, m * n).clear();
    }

    private static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, FloatBuffer a, FloatBuffer b,
                              float beta, FloatBuffer c) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha, a, transA ? m : k, b, transB ? k : n,
                beta, c, n);
    }

    /** Direct buffers that grow to the largest operand seen on this thread. */
    private static final class Scratch {
        private FloatBuffer a = allocate(1 << 16);
        private FloatBuffer b = allocate(1 << 16);
        private FloatBuffer c = allocate(1 << 16);
        private final FloatBuffer[] slots = new FloatBuffer[Slot.values().length];

        /** {@code buffer}, or a larger one where it holds fewer than {@code size} floats, cleared. */
        FloatBuffer grow(FloatBuffer buffer, int size) {
            FloatBuffer result = buffer == null || buffer.capacity() < size ? allocate(size) : buffer;
            result.clear();
            return result;
        }

        private static FloatBuffer allocate(int floats) {
            int capacity = Math.max(floats, 1 << 16);
            capacity = Integer.highestOneBit(capacity - 1) << 1;
            return ByteBuffer.allocateDirect(capacity * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
    }
}
