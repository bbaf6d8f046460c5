package org.flowcast.ingest.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Packs the slots of a {@link DayBlock} into the byte strings of {@code observation_day} and back.
 * Byte strings, rather than SQL arrays, because H2 converted every array element to a value object
 * on the way in and out, which held the ingest at about 150,000 rows/s.
 */
final class DayBlockCodec {
    private DayBlockCodec() {
    }

    static byte[] floats(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    static void readFloats(byte[] bytes, float[] into) {
        checkLength(bytes, into.length * Float.BYTES);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(into);
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
