package org.flowcast.model.autodiff;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Single-precision matrix products for the autodiff's operations, on ND4J memory through ND4J
 * ({@link MatrixProducts}). Operands that live in Java arrays are copied into per-thread ND4J blocks:
 * no ND4J array can sit on a Java {@code float[]}, and a plain copy costs a small fraction of the product.
 * The element-wise work around the products stays in Java loops on {@code float[]}: ND4J's kernels for
 * it measured 2.7–14 times slower on the model's 64×256 shapes (sigmoid 4.5×, tanh 14×,
 * {@code addiRowVector} 6.4×, a reused broadcast add 2.7×; `../shared/notes/nd4j-backend.md`), and
 * the same loop run on ND4J memory through its buffer 5.7× slower than on a Java array.
 */
final class Blas {
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Blas() {
    }

    /** How the products run: the ND4J path chosen for the backend on the classpath (starts ND4J on first use). */
    static String products() {
        return Products.CHOSEN.name();
    }

    /**
     * {@code c[cOff..] = alpha · op(a) · op(b) + beta · c}, with op(a) m×k, op(b) k×n and c m×n, all
     * contiguous; a transposed operand is stored as its transpose (k×m, n×k).
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, float[] b, int bOff,
                     float beta, float[] c, int cOff) {
        Scratch s = SCRATCH.get();
        product(transA, transB, m, n, k, alpha, a, aOff, s.fill(Scratch.B, b, bOff, k * n), beta, c, cOff);
    }

    /**
     * Per-thread native blocks that operations fill and multiply in place. Each is valid until the thread
     * asks for the same slot again; the array-taking products use blocks of their own and leave these alone.
     * {@link #PINNED} and {@link #ACCUMULATOR} hold a recurrent layer's weights and their gradient over a
     * sequence; {@link #FIRST}, {@link #SECOND} and {@link #THIRD} are an operation's own operands.
     */
    enum Slot {
        PINNED, ACCUMULATOR, FIRST, SECOND, THIRD
    }

    /**
     * {@code size} floats of ND4J memory, {@code offset} floats into a block, that products read or write
     * without copying, so that an operand used by several products is copied once, and one built element by
     * element (gathered convolution taps) is never held in a Java array.
     */
    record Operand(NativeBlock block, int offset, int size) {
        private static final float[] ZEROS = new float[4096];

        /** The operand's memory as a direct float buffer, index 0 at its first value. */
        FloatBuffer buffer() {
            return block.floats().slice(offset, size);
        }

        /** An ND4J array whose memory starts at the operand's first value. */
        INDArray array() {
            return block.at(offset);
        }

        /** Sets every value to 0. */
        void zero() {
            FloatBuffer floats = block.floats();
            for (int from = 0; from < size; from += ZEROS.length) {
                floats.put(offset + from, ZEROS, 0, Math.min(ZEROS.length, size - from));
            }
        }

        /** Copies the operand back into {@code into[at..]}. */
        void copyTo(float[] into, int at) {
            block.floats().get(offset, into, at, size);
        }

        /** The values {@code from .. from + length} of this operand, as an operand of their own. */
        Operand view(int from, int length) {
            return new Operand(block, offset + from, length);
        }

        /** Adds the operand into {@code into[at..]}, a block at a time so that the block stays in cache. */
        void addTo(float[] into, int at) {
            FloatBuffer floats = block.floats();
            float[] values = new float[Math.min(size, 1024)];
            for (int from = 0; from < size; from += values.length) {
                int length = Math.min(values.length, size - from);
                floats.get(offset + from, values, 0, length);
                for (int i = 0; i < length; i++) {
                    into[at + from + i] += values[i];
                }
            }
        }
    }

    /** The thread's block for {@code slot} with room for {@code size} values; its contents are undefined. */
    static Operand workspace(Slot slot, int size) {
        return new Operand(SCRATCH.get().block(slot.ordinal(), size), 0, size);
    }

    /** A native copy of {@code data[offset .. offset + size)} in the thread's block for {@code slot}. */
    static Operand copy(Slot slot, float[] data, int offset, int size) {
        return SCRATCH.get().fill(slot.ordinal(), data, offset, size);
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
            FloatBuffer floats = c.block().floats();
            for (int i = 0; i < m * n; i++) {
                floats.put(c.offset() + i, beta == 0 ? 0 : beta * floats.get(c.offset() + i));
            }
            return;
        }
        Products.CHOSEN.gemm(transA, transB, m, n, k, alpha, a, b, beta, c);
    }

    /** {@link #gemm} with a pinned right-hand operand. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, Operand b,
                     float beta, float[] c, int cOff) {
        product(transA, transB, m, n, k, alpha, a, aOff, b, beta, c, cOff);
    }

    /** {@code c += alpha · op(a) · op(b)} into an accumulator, which stays native between products. */
    static void gemmInto(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, float[] b, int bOff,
                         Operand c) {
        Scratch s = SCRATCH.get();
        gemm(transA, transB, m, n, k, alpha, s.fill(Scratch.A, a, aOff, m * k), s.fill(Scratch.B, b, bOff, k * n), 1f, c);
    }

    /** The product with the right-hand operand already native: copies a and c in, c out. */
    private static void product(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, Operand b,
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
        Operand left = s.fill(Scratch.A, a, aOff, m * k);
        Operand result = beta != 0 ? s.fill(Scratch.C, c, cOff, m * n) : new Operand(s.block(Scratch.C, m * n), 0, m * n);
        Products.CHOSEN.gemm(transA, transB, m, n, k, alpha, left, b, beta, result);
        result.copyTo(c, cOff);
    }

    /** The chosen products, in a holder of their own so that ND4J starts with the first product, not with this class. */
    private static final class Products {
        private static final MatrixProducts CHOSEN = MatrixProducts.forBackend();
    }

    /** ND4J blocks that grow to the largest operand seen on this thread: the slots, then the array-taking products' own. */
    private static final class Scratch {
        private static final int A = Slot.values().length;
        private static final int B = A + 1;
        private static final int C = A + 2;
        private final NativeBlock[] blocks = new NativeBlock[C + 1];

        /** Block {@code index}, replaced by a larger one where it holds fewer than {@code size} floats. */
        NativeBlock block(int index, int size) {
            NativeBlock block = blocks[index];
            if (block == null || block.capacity() < size) {
                block = new NativeBlock(size);
                blocks[index] = block;
            }
            return block;
        }

        /** Block {@code index} holding a copy of {@code data[offset .. offset + size)}. */
        Operand fill(int index, float[] data, int offset, int size) {
            NativeBlock block = block(index, size);
            block.floats().put(0, data, offset, size);
            return new Operand(block, 0, size);
        }
    }
}
