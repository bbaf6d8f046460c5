package org.flowcast.store;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files' readings into the store within one transaction: each file's day blocks merged channel by channel into
 * the stored ones (one day either side loaded, so that a stuck run crossing into neighbouring files is seen
 * whole), stuck runs flagged across them, and every block that changed saved, once no next file of the kind can
 * change it ({@link #flushSettled}) or at the end ({@link #flush}). The stored blocks are kept between the
 * transaction's files, so that consecutive daily files, which share the UTC day their Pacific midnight falls in,
 * read and write it once: the 28 Orange files' 2,349 blocks are each inserted once, where file by file they were
 * 4,536 writes and 28 reads of the shared day. Discard the object with its transaction.
 */
final class BlockMerge {
    private final ObservationStore observations;
    private final Map<StationDay, DayBlock> stored = new HashMap<>();
    /** The blocks that exist in the database (updated, not inserted, at flush). */
    private final Set<StationDay> inDatabase = new HashSet<>();
    private final Map<StationDay, DayBlock> changed = new HashMap<>();
    /** The stations and days (one either side) of the last file merged: its blocks may change again with the next. */
    private Set<Integer> lastStations = Set.of();
    private int lastFrom;
    private int lastTo;
    /** Whether the store held no block when the transaction began: then every stored block is one held here. */
    private Boolean storeWasEmpty;
    /** The station-days read from the database so far, whether a block was stored for them or not. */
    private final Set<StationDay> read = new HashSet<>();

    BlockMerge(ObservationStore observations) {
        this.observations = observations;
    }

    /** Merges a file's day blocks into the stored ones; {@code flagged} counts new flags, stuck runs included. */
    DayBlocks.MergeCounts merge(Connection c, Collection<DayBlock> incoming) throws SQLException {
        if (incoming.isEmpty()) {
            return new DayBlocks.MergeCounts(0, 0, 0);
        }
        int fromDay = Integer.MAX_VALUE;
        int toDay = Integer.MIN_VALUE;
        Set<Integer> stationIds = new HashSet<>();
        for (DayBlock block : incoming) {
            fromDay = Math.min(fromDay, block.utcDay());
            toDay = Math.max(toDay, block.utcDay());
            stationIds.add(block.stationId());
        }
        // One day either side, so that a stuck run crossing into neighbouring files is seen whole.
        load(c, stationIds, fromDay - 1, toDay + 1);
        long loaded = 0;
        long duplicates = 0;
        long flagged = 0;
        for (DayBlock block : incoming) {
            StationDay key = new StationDay(block.stationId(), block.utcDay());
            DayBlock target = stored.computeIfAbsent(key, k -> new DayBlock(k.stationId(), k.utcDay()));
            DayBlocks.MergeCounts counts = DayBlocks.merge(block, target);
            loaded += counts.loaded();
            duplicates += counts.duplicates();
            flagged += counts.flagged();
            if (counts.loaded() > 0) {
                changed.put(key, target);
            }
        }
        if (loaded > 0) {
            flagged += flagStuck(stationIds, fromDay - 1, toDay + 1);
        }
        lastStations = stationIds;
        lastFrom = fromDay - 1;
        lastTo = toDay + 1;
        return new DayBlocks.MergeCounts(loaded, duplicates, flagged);
    }

    /**
     * Saves the changed blocks the last file merged cannot change again through a next file of the same kind
     * (those outside its stations or its days, one either side): daily files' blocks are then written while the
     * next files are read rather than all at the end. A block that does change again is saved again.
     */
    void flushSettled(Connection c) throws SQLException {
        List<StationDay> settled = new ArrayList<>();
        for (StationDay key : changed.keySet()) {
            if (!lastStations.contains(key.stationId()) || key.utcDay() < lastFrom || key.utcDay() > lastTo) {
                settled.add(key);
            }
        }
        if (settled.isEmpty()) {
            return;
        }
        List<DayBlock> saving = new ArrayList<>(settled.size());
        for (StationDay key : settled) {
            saving.add(changed.remove(key));
        }
        observations.save(c, saving, inDatabase);
        inDatabase.addAll(settled);
    }

    /** Saves every block changed since the transaction began (or the last flush). */
    void flush(Connection c) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        observations.save(c, changed.values(), inDatabase);
        inDatabase.addAll(changed.keySet());
        changed.clear();
    }

    /** Reads the stations' stored blocks of the days not read yet; blocks already held are newer and kept. */
    private void load(Connection c, Set<Integer> stationIds, int fromDay, int toDay) throws SQLException {
        if (storeWasEmpty == null) {
            storeWasEmpty = observations.isEmpty(c);
        }
        if (storeWasEmpty) {
            return;
        }
        // stations grouped by the span of days they still lack, so that daily files ask once for all their stations
        Map<Span, List<Integer>> bySpan = new HashMap<>();
        for (int station : stationIds) {
            int first = Integer.MIN_VALUE;
            int last = Integer.MIN_VALUE;
            for (int day = fromDay; day <= toDay; day++) {
                if (read.add(new StationDay(station, day))) {
                    first = first == Integer.MIN_VALUE ? day : first;
                    last = day;
                }
            }
            if (first != Integer.MIN_VALUE) {
                // days in between that were read already come back too, and are kept as held (putIfAbsent)
                bySpan.computeIfAbsent(new Span(first, last), k -> new ArrayList<>()).add(station);
            }
        }
        for (Map.Entry<Span, List<Integer>> span : bySpan.entrySet()) {
            for (Map.Entry<StationDay, DayBlock> e : observations.load(c, span.getValue(), span.getKey().first(), span.getKey().last())
                    .entrySet()) {
                inDatabase.add(e.getKey());
                stored.putIfAbsent(e.getKey(), e.getValue());
            }
        }
    }

    /** Days {@code first} to {@code last}, both included. */
    private record Span(int first, int last) {
    }

    /** Flags stuck runs over the stations' blocks of the days; blocks that gain a stuck flag are saved too. */
    private long flagStuck(Set<Integer> stationIds, int fromDay, int toDay) {
        List<DayBlock> blocks = new ArrayList<>();
        for (int station : stationIds) {
            for (int day = fromDay; day <= toDay; day++) {
                DayBlock block = stored.get(new StationDay(station, day));
                if (block != null) {
                    blocks.add(block);
                }
            }
        }
        return DayBlocks.flagStuckRuns(blocks, block -> changed.put(new StationDay(block.stationId(), block.utcDay()), block));
    }
}
