package org.flowcast.core;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The byte form of {@link AdaptiveIntervals}, for the store between restarts. Little-endian, version 1:
 * <pre>
 *   "FACI"                                     4 bytes, the magic
 *   version                                    int32, 1
 *   stationCount, steps H, levels L            int32 each
 *   stepSize γ, windowOrigins, minimumOrigins  float64, int32, int32
 *   L times: level                             float64
 *            calibration half-width, h = 1..H  float64 each
 *            α_t, h = 1..H                     float64 each
 *   H times: n, then n scores oldest first     int32, float32 each
 *   CRC-32 of every byte before it             int32
 * </pre>
 * Every value is written exactly, so a state read back is the state written, bit for bit; a window is rebuilt from its
 * scores in arrival order. A blob that is truncated, damaged (its checksum does not match), of another version or that
 * holds values no state has is refused with an IllegalArgumentException saying which.
 */
final class AdaptiveIntervalsFormat {
    private static final byte[] MAGIC = {'F', 'A', 'C', 'I'};
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = MAGIC.length + 4 * Integer.BYTES + Double.BYTES + 2 * Integer.BYTES;

    private AdaptiveIntervalsFormat() {
    }

    static byte[] write(AdaptiveIntervals state) {
        int steps = state.horizonSteps();
        List<ConformalIntervals> calibration = state.calibration();
        long length = HEADER_BYTES + (long) calibration.size() * (Double.BYTES + 2L * steps * Double.BYTES)
                + (long) steps * Integer.BYTES + Integer.BYTES;
        for (int h = 1; h <= steps; h++) {
            length += (long) state.window(h).size() * Float.BYTES;
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the state's " + length + " bytes do not fit one array");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(VERSION);
        out.putInt(state.stationCount()).putInt(steps).putInt(calibration.size());
        AdaptiveIntervalSettings settings = state.settings();
        out.putDouble(settings.stepSize()).putInt(settings.windowOrigins()).putInt(settings.minimumOrigins());
        double[][] alpha = state.alphas();
        for (int l = 0; l < calibration.size(); l++) {
            out.putDouble(calibration.get(l).level());
            for (double w : calibration.get(l).halfWidth()) {
                out.putDouble(w);
            }
            for (double a : alpha[l]) {
                out.putDouble(a);
            }
        }
        for (int h = 1; h <= steps; h++) {
            float[] scores = state.window(h).inArrivalOrder();
            out.putInt(scores.length);
            for (float score : scores) {
                out.putFloat(score);
            }
        }
        out.putInt((int) crc(out.array(), out.position()));
        return out.array();
    }

    static AdaptiveIntervals read(byte[] blob) {
        if (blob.length < HEADER_BYTES + Integer.BYTES) {
            throw refused("truncated: " + blob.length + " bytes, shorter than any state");
        }
        ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        for (int i = 0; i < MAGIC.length; i++) {
            if (magic[i] != MAGIC[i]) {
                throw refused("not an adaptive-interval state (it does not begin with FACI)");
            }
        }
        int version = in.getInt();
        if (version != VERSION) {
            throw refused("version " + version + ", this build reads version " + VERSION);
        }
        int stored = ByteBuffer.wrap(blob, blob.length - Integer.BYTES, Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (stored != (int) crc(blob, blob.length - Integer.BYTES)) {
            throw refused("damaged: its checksum does not match its contents");
        }
        try {
            return readBody(in, blob.length - Integer.BYTES);
        } catch (BufferUnderflowException e) {
            throw refused("truncated: its counts ask for more bytes than it holds");
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
    }

    private static AdaptiveIntervals readBody(ByteBuffer in, int end) {
        int stationCount = in.getInt();
        int steps = in.getInt();
        int levels = in.getInt();
        AdaptiveIntervalSettings settings = new AdaptiveIntervalSettings(in.getDouble(), in.getInt(), in.getInt());
        int capacity = (int) AdaptiveIntervals.windowCapacity(settings, stationCount);
        if (steps < 1 || levels < 1 || (long) levels * (1 + 2L * steps) * Double.BYTES > end - in.position()) {
            throw new IllegalArgumentException(steps + " steps and " + levels + " levels do not fit its " + end + " bytes");
        }
        List<ConformalIntervals> calibration = new ArrayList<>(levels);
        double[][] alpha = new double[levels][steps];
        double gamma = settings.stepSize();
        for (int l = 0; l < levels; l++) {
            double level = in.getDouble();
            double[] halfWidth = new double[steps];
            for (int h = 0; h < steps; h++) {
                halfWidth[h] = in.getDouble();
            }
            for (int h = 0; h < steps; h++) {
                alpha[l][h] = in.getDouble();
                // the update keeps α_t within [−hγ, 1 + hγ]; anything else was not written by it
                if (!(alpha[l][h] >= -(h + 1) * gamma && alpha[l][h] <= 1 + (h + 1) * gamma)) {
                    throw new IllegalArgumentException("α_t " + alpha[l][h] + " at step " + (h + 1) + " is outside its range");
                }
            }
            calibration.add(new ConformalIntervals(level, halfWidth));
        }
        calibration = AdaptiveIntervals.checkedCalibration(calibration);
        ScoreWindow[] windows = new ScoreWindow[steps];
        for (int h = 0; h < steps; h++) {
            int size = in.getInt();
            if (size < 0 || size > capacity || (long) size * Float.BYTES > end - in.position()) {
                throw new IllegalArgumentException("step " + (h + 1) + "'s window of " + size + " scores does not fit");
            }
            float[] scores = new float[size];
            for (int i = 0; i < size; i++) {
                scores[i] = in.getFloat();
            }
            windows[h] = ScoreWindow.of(capacity, scores);
        }
        if (in.position() != end) {
            throw new IllegalArgumentException((end - in.position()) + " bytes follow the last window");
        }
        return new AdaptiveIntervals(calibration, stationCount, settings, alpha, windows);
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("adaptive-interval state refused: " + why);
    }
}
