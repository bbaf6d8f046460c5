package org.flowcast.core;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Readings of several stations on a regular time grid: {@code length} steps of {@code step} from
 * {@code start}, stations in corridor order, and one float per {@link Channel}. A value that is not
 * known is {@code NaN} with state {@link ValueState#MISSING}; every value carries its
 * {@link ValueState}. Instances are immutable; build them with {@link #builder}.
 */
public final class SensorSeries {

    /** The PeMS reporting interval. */
    public static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final Instant start;
    private final Duration step;
    private final int length;
    private final List<Station> stations;
    private final Map<Integer, Integer> indexById;
    // [time][station][channel] flattened; see offset()
    private final float[] values;
    private final byte[] states;
    private final String corridor;

    private SensorSeries(Instant start, Duration step, int length, List<Station> stations, float[] values, byte[] states,
                         String corridor) {
        this.corridor = corridor;
        this.start = start;
        this.step = step;
        this.length = length;
        this.stations = stations;
        this.values = values;
        this.states = states;
        this.indexById = indexStations(stations);
    }

    private static Map<Integer, Integer> indexStations(List<Station> stations) {
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < stations.size(); i++) {
            if (index.put(stations.get(i).id(), i) != null) {
                throw new IllegalArgumentException("station " + stations.get(i).id() + " appears twice");
            }
        }
        return index;
    }

    /** A builder whose values all start as missing. */
    public static Builder builder(Instant start, Duration step, int length, List<Station> stations) {
        return new Builder(start, step, length, stations);
    }

    public Instant start() {
        return start;
    }

    /** The name of the corridor these stations make ({@code "5-N"}), or empty where they were chosen otherwise. */
    public String corridor() {
        return corridor;
    }

    /** The same readings, named as the given corridor's; models record the name in their provenance. */
    public SensorSeries withCorridor(String name) {
        return new SensorSeries(start, step, length, stations, values, states, Objects.requireNonNull(name, "name"));
    }

    public Duration step() {
        return step;
    }

    public int length() {
        return length;
    }

    /** The instant just after the last step. */
    public Instant end() {
        return timeAt(length);
    }

    public List<Station> stations() {
        return stations;
    }

    public int stationCount() {
        return stations.size();
    }

    public int[] stationIds() {
        return stations.stream().mapToInt(Station::id).toArray();
    }

    /** Position of a station in corridor order, or -1 where the series does not hold it. */
    public int stationIndex(int stationId) {
        return indexById.getOrDefault(stationId, -1);
    }

    public Instant timeAt(int t) {
        return start.plus(step.multipliedBy(t));
    }

    /** The grid index of an instant on the grid, or -1 where it is off the grid or out of range. */
    public int indexOf(Instant time) {
        Duration offset = Duration.between(start, time);
        if (offset.isNegative()) {
            return -1;
        }
        long nanos = offset.toNanos();
        long stepNanos = step.toNanos();
        if (nanos % stepNanos != 0) {
            return -1;
        }
        long t = nanos / stepNanos;
        return t < length ? (int) t : -1;
    }

    public float value(int t, int station, Channel channel) {
        return values[offset(t, station, channel)];
    }

    public ValueState state(int t, int station, Channel channel) {
        return ValueState.ofCode(states[offset(t, station, channel)]);
    }

    public boolean isObserved(int t, int station, Channel channel) {
        return states[offset(t, station, channel)] == ValueState.OBSERVED.code();
    }

    /** One station's values of one channel over the whole grid, as a new array. */
    public float[] column(int station, Channel channel) {
        float[] out = new float[length];
        for (int t = 0; t < length; t++) {
            out[t] = values[offset(t, station, channel)];
        }
        return out;
    }

    /**
     * A SHA-256 over what a model sees of this series: start, step, length, the station ids in order,
     * and every value with its state. Two series with the same fingerprint are the same data.
     */
    public String fingerprint() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        ByteBuffer head = ByteBuffer.allocate(Long.BYTES * 2 + Integer.BYTES * (2 + stations.size()));
        head.putLong(start.getEpochSecond()).putLong(step.getSeconds()).putInt(length).putInt(stations.size());
        stations.forEach(s -> head.putInt(s.id()));
        digest.update(head.array());
        ByteBuffer chunk = ByteBuffer.allocate(Float.BYTES * 4096);
        for (int i = 0; i < values.length; i++) {
            if (!chunk.hasRemaining()) {
                digest.update(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            chunk.putInt(Float.floatToIntBits(values[i]));
        }
        digest.update(chunk.array(), 0, chunk.position());
        digest.update(states);
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** Counts values of a channel in each state, indexed by {@link ValueState#ordinal()}. */
    public int[] stateCounts(Channel channel) {
        int[] counts = new int[ValueState.values().length];
        for (int t = 0; t < length; t++) {
            for (int s = 0; s < stations.size(); s++) {
                counts[states[offset(t, s, channel)]]++;
            }
        }
        return counts;
    }

    /** The steps {@code from} (inclusive) to {@code to} (exclusive) of every station. */
    public SensorSeries sliceTime(int from, int to) {
        Objects.checkFromToIndex(from, to, length);
        int stride = stations.size() * Channel.COUNT;
        return new SensorSeries(timeAt(from), step, to - from, stations,
                Arrays.copyOfRange(values, from * stride, to * stride),
                Arrays.copyOfRange(states, from * stride, to * stride), corridor);
    }

    /** The part of the grid from {@code from} (inclusive) to {@code to} (exclusive), clipped to the series. */
    public SensorSeries sliceTime(Instant from, Instant to) {
        return sliceTime(clampIndex(from), Math.max(clampIndex(from), clampIndex(to)));
    }

    private int clampIndex(Instant time) {
        long t = Math.floorDiv(Duration.between(start, time).toNanos() + step.toNanos() - 1, step.toNanos());
        return (int) Math.max(0, Math.min(length, t));
    }

    /** The given stations, in the order given. */
    public SensorSeries selectStations(List<Integer> stationIds) {
        List<Station> chosen = new ArrayList<>(stationIds.size());
        int[] source = new int[stationIds.size()];
        for (int i = 0; i < source.length; i++) {
            int index = stationIndex(stationIds.get(i));
            if (index < 0) {
                throw new IllegalArgumentException("station " + stationIds.get(i) + " is not in this series");
            }
            source[i] = index;
            chosen.add(stations.get(index));
        }
        Builder builder = builder(start, step, length, chosen);
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < source.length; i++) {
                for (Channel c : Channel.values()) {
                    int from = offset(t, source[i], c);
                    builder.set(t, i, c, values[from], ValueState.ofCode(states[from]));
                }
            }
        }
        return builder.build();
    }

    /** A builder that starts from a copy of this series, for producing a changed copy (gap filling). */
    public Builder toBuilder() {
        Builder builder = new Builder(start, step, length, stations);
        builder.corridor = corridor;
        System.arraycopy(values, 0, builder.values, 0, values.length);
        System.arraycopy(states, 0, builder.states, 0, states.length);
        return builder;
    }

    private int offset(int t, int station, Channel channel) {
        Objects.checkIndex(t, length);
        Objects.checkIndex(station, stations.size());
        return (t * stations.size() + station) * Channel.COUNT + channel.ordinal();
    }

    @Override
    public String toString() {
        return "SensorSeries[" + stations.size() + " stations x " + length + " steps of " + step + " from " + start + "]";
    }

    /** Collects values for a {@link SensorSeries}; not thread-safe. */
    public static final class Builder {
        private final Instant start;
        private final Duration step;
        private final int length;
        private final List<Station> stations;
        private final float[] values;
        private final byte[] states;
        private String corridor = "";

        private Builder(Instant start, Duration step, int length, List<Station> stations) {
            this.start = Objects.requireNonNull(start, "start");
            this.step = Objects.requireNonNull(step, "step");
            if (step.isZero() || step.isNegative()) {
                throw new IllegalArgumentException("step must be positive, was " + step);
            }
            if (length < 0) {
                throw new IllegalArgumentException("length must not be negative, was " + length);
            }
            this.length = length;
            this.stations = List.copyOf(stations);
            int size = Math.multiplyExact(Math.multiplyExact(length, stations.size()), Channel.COUNT);
            this.values = new float[size];
            this.states = new byte[size];
            Arrays.fill(values, Float.NaN);
            Arrays.fill(states, ValueState.MISSING.code());
        }

        public int length() {
            return length;
        }

        public int stationCount() {
            return stations.size();
        }

        /** Sets one value; a NaN value is always stored as missing, whatever state is given. */
        public Builder set(int t, int station, Channel channel, float value, ValueState state) {
            int i = offset(t, station, channel);
            values[i] = value;
            states[i] = Float.isNaN(value) ? ValueState.MISSING.code() : state.code();
            return this;
        }

        public float value(int t, int station, Channel channel) {
            return values[offset(t, station, channel)];
        }

        public ValueState state(int t, int station, Channel channel) {
            return ValueState.ofCode(states[offset(t, station, channel)]);
        }

        private int offset(int t, int station, Channel channel) {
            Objects.checkIndex(t, length);
            Objects.checkIndex(station, stations.size());
            return (t * stations.size() + station) * Channel.COUNT + channel.ordinal();
        }

        public SensorSeries build() {
            return new SensorSeries(start, step, length, stations, values.clone(), states.clone(), corridor);
        }
    }
}
