package org.flowcast.store;
import java.time.Instant;
import java.util.Arrays;
import org.flowcast.core.QualityFlag;

/**
 * One station's 288 five-minute slots of one UTC day, as the store keeps them: values ({@code NaN}
 * where absent), PeMS % observed (-1 where unknown) and {@link QualityFlag} bits. Mutable; used
 * inside the store and the ingester only.
 */
public final class DayBlock {
    public static final int SLOTS = 288;
    public static final int SLOT_SECONDS = 300;
    public static final int DAY_SECONDS = SLOTS * SLOT_SECONDS;

    final int stationId;
    final int utcDay;
    final float[] flow = nanArray();
    final float[] occupancy = nanArray();
    final float[] speed = nanArray();
    final short[] percentObserved = new short[SLOTS];
    final short[] flags = new short[SLOTS];

    public DayBlock(int stationId, int utcDay) {
        this.stationId = stationId;
        this.utcDay = utcDay;
        Arrays.fill(percentObserved, (short) -1);
    }

    private static float[] nanArray() {
        float[] a = new float[SLOTS];
        Arrays.fill(a, Float.NaN);
        return a;
    }

    public int stationId() {
        return stationId;
    }

    public int utcDay() {
        return utcDay;
    }

    public static int dayOf(Instant time) {
        return (int) Math.floorDiv(time.getEpochSecond(), DAY_SECONDS);
    }

    /** The slot of an instant within its UTC day, or -1 where it is not on a 5-minute boundary. */
    public static int slotOf(Instant time) {
        if (time.getNano() != 0 || time.getEpochSecond() % SLOT_SECONDS != 0) {
            return -1;
        }
        return (int) (Math.floorMod(time.getEpochSecond(), DAY_SECONDS) / SLOT_SECONDS);
    }

    public Instant timeOf(int slot) {
        return Instant.ofEpochSecond((long) utcDay * DAY_SECONDS + (long) slot * SLOT_SECONDS);
    }

    public boolean isPresent(int slot) {
        return QualityFlag.PRESENT.isSet(flags[slot]);
    }

    public boolean hasValue(int slot) {
        return isPresent(slot) || QualityFlag.FILLED.isSet(flags[slot]);
    }

    public float flow(int slot) {
        return flow[slot];
    }

    public float occupancy(int slot) {
        return occupancy[slot];
    }

    public float speed(int slot) {
        return speed[slot];
    }

    public int percentObserved(int slot) {
        return percentObserved[slot];
    }

    public int flags(int slot) {
        return flags[slot];
    }

    void set(int slot, float flowValue, float occupancyValue, float speedValue, int percent, int flagBits) {
        flow[slot] = flowValue;
        occupancy[slot] = occupancyValue;
        speed[slot] = speedValue;
        percentObserved[slot] = (short) percent;
        flags[slot] = (short) flagBits;
    }

    void addFlags(int slot, int bits) {
        flags[slot] |= (short) bits;
    }

    /** Whether the slot holds exactly this reading (NaN equal to NaN). */
    boolean holds(int slot, float flowValue, float occupancyValue, float speedValue, int percent) {
        return same(flow[slot], flowValue) && same(occupancy[slot], occupancyValue)
                && same(speed[slot], speedValue) && percentObserved[slot] == percent;
    }

    private static boolean same(float a, float b) {
        return Float.compare(a, b) == 0;
    }
}
