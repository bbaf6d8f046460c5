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
 * float32/float64), held as doubles. Written by hand: no kept Java library reads {@code .npy}
 * without pulling in a foreign runtime, and the format is one header and raw values.
 */
public record NpyArray(int[] shape, double[] values) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fi])(\\d)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public double get(int... index) {
        int flat = 0;
        for (int i = 0; i < shape.length; i++) {
            flat = flat * shape[i] + index[i];
        }
        return values[flat];
    }

    /** Reads one {@code .npy} stream; the message of an {@link IOException} says what is wrong with it. */
    public static NpyArray read(InputStream stream) throws IOException {
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
        String kind = descr.group(2);
        int width = Integer.parseInt(descr.group(3));
        if (!(kind.equals("f") && (width == 4 || width == 8)) && !(kind.equals("i") && (width == 4 || width == 8))) {
            throw new IOException("unsupported element type " + descr.group(0) + "; expected float32, float64, int32 or int64");
        }
        ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int[] shape = Arrays.stream(shapeMatch.group(1).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count * width > Integer.MAX_VALUE - 16) {
            throw new IOException("array of " + count + " values is too large to load at once");
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
}
