package org.flowcast.ingest.read;

/**
 * The stations of one {@code station_5min} file and the lanes the first of each one's rows with lane fields
 * laid out, with that row's line. An int-keyed open-addressing table: it is asked once per row, and a boxed
 * {@code Integer} key per row is what the ingest's hot path must not allocate. Not thread-safe.
 */
final class LaneLayouts {
    /** The lanes of a station whose rows so far hold totals only (12 fields). */
    static final int NOT_LAID_OUT = -1;

    private int[] ids = new int[256];
    private int[] lanes = new int[256];
    private long[] lines = new long[256];
    private int size;

    /**
     * The slot of a station, added (with {@link #NOT_LAID_OUT}) if new; a new station's slot is returned as
     * {@code -slot - 1}, so that the caller can describe the station once.
     */
    int slot(int stationId) {
        int mask = ids.length - 1;
        for (int i = mix(stationId) & mask; ; i = (i + 1) & mask) {
            if (ids[i] == stationId) {
                return i;
            }
            if (ids[i] == 0) {
                // station ids are positive, so 0 marks a free slot
                ids[i] = stationId;
                lanes[i] = NOT_LAID_OUT;
                if (++size * 2 > ids.length) {
                    grow();
                    return -slot(stationId) - 1;
                }
                return -i - 1;
            }
        }
    }

    int lanes(int slot) {
        return lanes[slot];
    }

    long line(int slot) {
        return lines[slot];
    }

    void layOut(int slot, int laneCount, long line) {
        lanes[slot] = laneCount;
        lines[slot] = line;
    }

    private void grow() {
        int[] oldIds = ids;
        int[] oldLanes = lanes;
        long[] oldLines = lines;
        ids = new int[oldIds.length * 2];
        lanes = new int[ids.length];
        lines = new long[ids.length];
        int mask = ids.length - 1;
        for (int j = 0; j < oldIds.length; j++) {
            if (oldIds[j] != 0) {
                int i = mix(oldIds[j]) & mask;
                while (ids[i] != 0) {
                    i = (i + 1) & mask;
                }
                ids[i] = oldIds[j];
                lanes[i] = oldLanes[j];
                lines[i] = oldLines[j];
            }
        }
    }

    /** Spreads consecutive ids (1205320, 1205330, ...) over the table. */
    private static int mix(int id) {
        int h = id * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
