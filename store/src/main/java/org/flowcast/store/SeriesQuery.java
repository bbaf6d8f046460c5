package org.flowcast.store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowcast.core.Channel;
import org.flowcast.core.QualityFlag;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;

/**
 * Reads stored readings back as a {@link SensorSeries} on the 5-minute grid. A value that failed a
 * plausibility check comes back missing; a value PeMS imputed (0% observed) or the gap filler wrote
 * comes back {@link ValueState#IMPUTED}; the rest {@link ValueState#OBSERVED}.
 */
public final class SeriesQuery {
    private static final long STEP_SECONDS = DayBlock.SLOT_SECONDS;

    private final FlowcastDatabase database;
    private final StationStore stations = new StationStore();
    private final ObservationStore observations = new ObservationStore();

    public SeriesQuery(FlowcastDatabase database) {
        this.database = database;
    }

    /** The given stations, in the order given, over a range (rounded out to whole 5-minute steps). */
    public SensorSeries stations(List<Integer> stationIds, TimeRange range) throws StoreException {
        try (Connection c = database.connect()) {
            Map<Integer, Station> known = stations.all(c);
            List<Station> chosen = new ArrayList<>();
            for (int id : stationIds) {
                Station station = known.get(id);
                if (station == null) {
                    throw new StoreException("station " + id + " is not in the database; 'flowcast stations' lists those that are", null);
                }
                chosen.add(station);
            }
            return assemble(c, chosen, range);
        } catch (SQLException e) {
            throw new StoreException("reading stations " + stationIds + " failed: " + e.getMessage(), e);
        }
    }

    /** The stations of a freeway and direction (mainline by default) in postmile order. */
    public SensorSeries corridor(int freeway, String direction, String laneType, TimeRange range) throws StoreException {
        try (Connection c = database.connect()) {
            List<Station> chosen = stations.corridor(c, freeway, direction, laneType);
            if (chosen.isEmpty()) {
                throw new StoreException("no " + (laneType == null ? "" : laneType + " ") + "stations on freeway "
                        + freeway + " " + direction + " in the database", null);
            }
            return assemble(c, chosen, range);
        } catch (SQLException e) {
            throw new StoreException("reading freeway " + freeway + " " + direction + " failed: " + e.getMessage(), e);
        }
    }

    /** The ids of the stations that have any stored reading. */
    public Set<Integer> stationsWithReadings() throws StoreException {
        try (Connection c = database.connect()) {
            return observations.stationsWithData(c);
        } catch (SQLException e) {
            throw new StoreException("reading which stations have data failed: " + e.getMessage(), e);
        }
    }

    /**
     * The time of the newest stored reading of any of the given stations, if any: reads only their newest stored day,
     * so that a watcher asks it every few seconds at little cost.
     */
    public Optional<Instant> newestReading(List<Integer> stationIds) throws StoreException {
        try (Connection c = database.connect()) {
            int[] days = observations.dayRange(c, stationIds);
            if (days == null) {
                return Optional.empty();
            }
            return span(observations.load(c, stationIds, days[1], days[1]).values()).map(r -> r.to().minusSeconds(STEP_SECONDS));
        } catch (SQLException e) {
            throw new StoreException("reading the newest reading failed: " + e.getMessage(), e);
        }
    }

    /** The span of stored readings of the given stations, if any. */
    public Optional<TimeRange> storedRange(List<Integer> stationIds) throws StoreException {
        try (Connection c = database.connect()) {
            int[] days = observations.dayRange(c, stationIds);
            if (days == null) {
                return Optional.empty();
            }
            Map<StationDay, DayBlock> edges = observations.load(c, stationIds, days[0], days[0]);
            edges.putAll(observations.load(c, stationIds, days[1], days[1]));
            return span(edges.values());
        } catch (SQLException e) {
            throw new StoreException("reading the stored range failed: " + e.getMessage(), e);
        }
    }

    private SensorSeries assemble(Connection c, List<Station> chosen, TimeRange range) throws SQLException {
        long fromSecond = Math.floorDiv(range.from().getEpochSecond(), STEP_SECONDS) * STEP_SECONDS;
        long toSecond = -Math.floorDiv(-range.to().getEpochSecond(), STEP_SECONDS) * STEP_SECONDS;
        int fromDay = (int) Math.floorDiv(fromSecond, DayBlock.DAY_SECONDS);
        int toDay = (int) Math.floorDiv(toSecond - 1, DayBlock.DAY_SECONDS);
        Map<Integer, Collection<DayBlock>> byStation = new HashMap<>();
        for (Station station : chosen) {
            byStation.put(station.id(), observations.load(c, List.of(station.id()), fromDay, toDay).values());
        }
        return assemble(chosen, range, byStation);
    }

    /**
     * The series of the chosen stations from stored days read elsewhere, over the span of their readings, decoded
     * and assembled exactly as {@link #storedRange} and {@link #stations} do: values flagged invalid are left
     * missing, filled or never-observed ones marked imputed. Empty where the days hold no reading.
     */
    public static Optional<SensorSeries> fromStoredDays(List<Station> chosen, Iterable<StoredDay> days) {
        Map<Integer, Collection<DayBlock>> byStation = new HashMap<>();
        List<DayBlock> blocks = new ArrayList<>();
        for (StoredDay d : days) {
            DayBlock block = ObservationStore.decode(d.stationId(), d.utcDay(), d.flow(), d.occupancy(), d.speed(), d.percentObserved(),
                    d.flags());
            blocks.add(block);
            byStation.computeIfAbsent(d.stationId(), k -> new ArrayList<>()).add(block);
        }
        return span(blocks).map(range -> assemble(chosen, range, byStation));
    }

    /** From the blocks' first reading to just after their last. */
    private static Optional<TimeRange> span(Iterable<DayBlock> blocks) {
        Instant first = null;
        Instant last = null;
        for (DayBlock block : blocks) {
            for (int slot = 0; slot < DayBlock.SLOTS; slot++) {
                if (block.hasValue(slot)) {
                    Instant t = block.timeOf(slot);
                    first = first == null || t.isBefore(first) ? t : first;
                    last = last == null || t.isAfter(last) ? t : last;
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(new TimeRange(first, last.plusSeconds(STEP_SECONDS)));
    }

    private static SensorSeries assemble(List<Station> chosen, TimeRange range, Map<Integer, Collection<DayBlock>> blocksByStation) {
        long fromSecond = Math.floorDiv(range.from().getEpochSecond(), STEP_SECONDS) * STEP_SECONDS;
        long toSecond = -Math.floorDiv(-range.to().getEpochSecond(), STEP_SECONDS) * STEP_SECONDS;
        int length = (int) ((toSecond - fromSecond) / STEP_SECONDS);
        SensorSeries.Builder builder = SensorSeries.builder(Instant.ofEpochSecond(fromSecond), SensorSeries.FIVE_MINUTES, length, chosen);
        for (int s = 0; s < chosen.size(); s++) {
            for (DayBlock block : blocksByStation.getOrDefault(chosen.get(s).id(), List.of())) {
                long blockStart = (long) block.utcDay * DayBlock.DAY_SECONDS;
                for (int slot = 0; slot < DayBlock.SLOTS; slot++) {
                    long t = (blockStart + (long) slot * STEP_SECONDS - fromSecond) / STEP_SECONDS;
                    if (t < 0 || t >= length || !block.hasValue(slot)) {
                        continue;
                    }
                    copy(block, slot, builder, (int) t, s);
                }
            }
        }
        return builder.build();
    }

    private static void copy(DayBlock block, int slot, SensorSeries.Builder builder, int t, int s) {
        int flags = block.flags[slot];
        boolean imputed = QualityFlag.FILLED.isSet(flags) || block.percentObserved[slot] == 0;
        ValueState state = imputed ? ValueState.IMPUTED : ValueState.OBSERVED;
        set(builder, t, s, Channel.FLOW, block.flow[slot], flags, state);
        set(builder, t, s, Channel.OCCUPANCY, block.occupancy[slot], flags, state);
        set(builder, t, s, Channel.SPEED, block.speed[slot], flags, state);
    }

    private static void set(SensorSeries.Builder builder, int t, int s, Channel channel, float value, int flags, ValueState state) {
        if ((flags & QualityFlag.invalidatingBits(channel)) != 0) {
            return;
        }
        builder.set(t, s, channel, value, state);
    }
}
