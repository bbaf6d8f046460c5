package org.flowcast.ingest.read;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numeric array in NumPy's {@code .npy} format (version 1 to 3, C order, little- or big-endian
 * float32/float64/int32/int64), held as doubles; another data type is refused, naming it and the accepted ones. Written by
 * hand: no kept Java library reads {@code .npy} without pulling in a foreign runtime, and the format is one header and raw values.
 */
public record NpyArray(int[] shape, double[] values) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    /** A data type Flowcast reads: byte order, kind (float or signed integer) and width. */
    private static final Pattern SUPPORTED = Pattern.compile("([<>|=])([fi])([48])");
    private static final Pattern TYPE_CODE = Pattern.compile("[<>|=]?([a-zA-Z])(\\d+)");
    private static final String ACCEPTED_TYPES = "float32, float64, int32 or int64 ('<f4', '<f8', '<i4', '<i8', or '>' "
            + "for big-endian)";
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public double get(int... index) {
        int flat = 0;
        for (int i = 0; i < shape.length; i++) {
            flat = flat * shape[i] + index[i];
        }
        return values[flat];
    }

    /** The longest header read; NumPy writes headers of well under a kilobyte. */
    static final int MAX_HEADER_BYTES = 1 << 16;

    /**
     * Reads one {@code .npy} stream; the message of an {@link IOException} says what is wrong with it.
     *
     * @param storedBytes the stream's length where known (the zip entry's size), else -1: a header that
     *                    declares more values than the stream holds is refused before anything is allocated
     */
    public static NpyArray read(InputStream stream, long storedBytes) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = in.readNBytes(6);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a NumPy .npy array (bad magic number)");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        int headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        } else if (major == 2 || major == 3) {
            headerLength = Integer.reverseBytes(in.readInt());
        } else {
            throw new IOException("unsupported .npy version " + major);
        }
        if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
            throw new IOException("the .npy header declares " + Integer.toUnsignedString(headerLength)
                    + " bytes, more than the " + MAX_HEADER_BYTES + " a NumPy header takes; the file is damaged");
        }
        String header = new String(in.readNBytes(headerLength), StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeMatch = SHAPE.matcher(header);
        if (!descr.find() || !shapeMatch.find()) {
            throw new IOException("unreadable .npy header: " + header.trim());
        }
        if (fortran.find() && fortran.group(1).equals("True")) {
            throw new IOException("Fortran-ordered arrays are not supported; save with numpy.ascontiguousarray");
        }
        Matcher type = SUPPORTED.matcher(descr.group(1));
        if (!type.matches()) {
            throw new IOException("unsupported data type '" + descr.group(1) + "'" + typeName(descr.group(1)) + "; accepted: "
                    + ACCEPTED_TYPES + "; convert the array first, e.g. numpy's data.astype('float32')");
        }
        String kind = type.group(2);
        int width = Integer.parseInt(type.group(3));
        ByteOrder order = type.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int[] shape = shape(shapeMatch.group(1));
        long count = 1;
        for (int d : shape) {
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                count = Long.MAX_VALUE;
            }
        }
        long dataBytes = count > Long.MAX_VALUE / width ? Long.MAX_VALUE : count * width;
        long available = storedBytes < 0 ? Long.MAX_VALUE : storedBytes - 10L - headerLength - (major == 1 ? 0 : 2);
        if (dataBytes > available) {
            throw new IOException("the .npy header declares " + count + " values (shape " + Arrays.toString(shape) + ", "
                    + dataBytes + " bytes) but the array holds only " + Math.max(0, available) + " bytes of data; the file is damaged");
        }
        // the raw bytes and the doubles they become are both held for a moment
        long needed = dataBytes + count * Double.BYTES;
        if (dataBytes > Integer.MAX_VALUE - 16 || needed > Runtime.getRuntime().maxMemory() / 2) {
            throw new IOException("the array of " + count + " values needs " + needed / (1 << 20) + " MiB, more than half of the "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB this Java may use; give Java more memory (-Xmx) "
                    + "or split the tensor");
        }
        byte[] raw = in.readNBytes((int) (count * width));
        if (raw.length != count * width) {
            throw new IOException("the array is truncated: expected " + count * width + " bytes of data, found " + raw.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(order);
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (kind + width) {
                case "f4" -> buffer.getFloat();
                case "f8" -> buffer.getDouble();
                case "i4" -> buffer.getInt();
                default -> buffer.getLong();
            };
        }
        return new NpyArray(shape, values);
    }

    /** What a NumPy type code names, for messages ({@code <u2}: " (unsigned integer, 2 bytes)"), or nothing. */
    private static String typeName(String code) {
        Matcher m = TYPE_CODE.matcher(code);
        if (!m.matches()) {
            return "";
        }
        String kind = switch (m.group(1)) {
            case "f" -> "floating point";
            case "i" -> "signed integer";
            case "u" -> "unsigned integer";
            case "b" -> "boolean";
            case "c" -> "complex";
            case "U", "S" -> "text";
            default -> "";
        };
        return kind.isEmpty() ? "" : " (" + kind + ", " + m.group(2) + (m.group(1).equals("U") ? " characters)" : " bytes)");
    }

    /** The dimensions of a header's shape tuple, each a whole number from 0 to {@link Integer#MAX_VALUE}. */
    private static int[] shape(String tuple) throws IOException {
        String[] parts = Arrays.stream(tuple.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
        int[] shape = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                shape[i] = -1;
            }
            if (shape[i] < 0) {
                throw new IOException("the .npy header's shape (" + tuple.trim() + ") holds '" + parts[i]
                        + "', not a whole number from 0 to " + Integer.MAX_VALUE + "; the file is damaged");
            }
        }
        return shape;
    }
}
