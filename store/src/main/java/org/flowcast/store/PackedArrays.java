package org.flowcast.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Packs arrays into the little-endian byte strings the store keeps (the slots of a {@link DayBlock} in
 * {@code observation_day}, the steps of a forecast in {@code forecast}) and back. Byte strings, rather
 * than SQL arrays, because H2 converted every array element to a value object on the way in and out,
 * which held the ingest at about 150,000 rows/s.
 */
final class PackedArrays {
    private PackedArrays() {
    }

    static byte[] floats(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    static byte[] ints(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        return buffer.array();
    }

    static int[] readInts(byte[] bytes) {
        if (bytes.length % Integer.BYTES != 0) {
            throw new IllegalStateException("a stored int string holds " + bytes.length
                    + " bytes, not a whole number of ints; the database is damaged or from another version");
        }
        int[] values = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
        return values;
    }

    static void readFloats(byte[] bytes, float[] into) {
        checkLength(bytes, into.length * Float.BYTES);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(into);
    }

    /** Floats of a byte string of any whole number of floats. */
    static float[] readFloats(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalStateException("a stored float string holds " + bytes.length
                    + " bytes, not a whole number of floats; the database is damaged or from another version");
        }
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    static byte[] percents(short[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static void readPercents(byte[] bytes, short[] into) {
        checkLength(bytes, into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = bytes[i];
        }
    }

    static byte[] shorts(short[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Short.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(values);
        return buffer.array();
    }

    static void readShorts(byte[] bytes, short[] into) {
        checkLength(bytes, into.length * Short.BYTES);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(into);
    }

    private static void checkLength(byte[] bytes, int expected) {
        if (bytes.length != expected) {
            throw new IllegalStateException("a stored day block holds " + bytes.length + " bytes where " + expected
                    + " were expected; the database is damaged or from another version");
        }
    }
}
