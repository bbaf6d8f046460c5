package org.flowcast.model.autodiff;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A block of native single-precision memory owned by ND4J: one flat {@link INDArray} that the products
 * read and write, seen from Java without a copy through {@link #floats()} (its data buffer's direct view).
 * Views at an offset, and shaped views, are made once and kept: ND4J takes 9–14 µs to make one
 * (`../shared/notes/nd4j-backend.md`), several times a small product's own cost. A block is used by one thread.
 */
final class NativeBlock {
    private static final AtomicInteger SERIALS = new AtomicInteger();

    private final int serial = SERIALS.incrementAndGet();
    private final INDArray array;
    private final FloatBuffer floats;
    private final Map<Integer, INDArray> atOffset = new HashMap<>();
    private final Map<Shape, INDArray> shaped = new HashMap<>();

    /** A block of at least {@code size} floats, rounded up to a power of two (at least 2¹⁶) so that growth is rare. */
    NativeBlock(int size) {
        int capacity = Integer.highestOneBit(Math.max(size, 1 << 16) - 1) << 1;
        array = Nd4j.createUninitialized(DataType.FLOAT, capacity);
        floats = array.data().asNioFloat();
    }

    /** Floats the block holds. */
    int capacity() {
        return floats.capacity();
    }

    /** A number no other block in this JVM has, so that caches can key on the block. */
    int serial() {
        return serial;
    }

    /** The block's memory as a direct float buffer (no copy; writes are seen by ND4J and back). */
    FloatBuffer floats() {
        return floats;
    }

    /** A flat array whose memory starts {@code offset} floats into the block and runs to its end. */
    INDArray at(int offset) {
        return offset == 0 ? array : atOffset.computeIfAbsent(offset,
                from -> Nd4j.create(array.data(), new long[] {capacity() - from}, new long[] {1}, from, 'c'));
    }

    /** A row-major {@code rows × columns} matrix whose memory starts {@code offset} floats into the block. */
    INDArray matrix(int offset, int rows, int columns) {
        return shaped.computeIfAbsent(new Shape(offset, rows, columns),
                s -> Nd4j.create(array.data(), new long[] {rows, columns}, new long[] {columns, 1}, offset, 'c'));
    }

    private record Shape(int offset, int rows, int columns) {
    }
}
