package org.flowcast.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowcast.ingest.store.DayBlock;
import org.flowcast.ingest.store.DayBlocks;
import org.flowcast.ingest.store.ObservationStore;
import org.flowcast.ingest.store.ObservationStore.Key;
import org.flowcast.ingest.store.QualityFlag;

/**
 * A file's readings into the store: its day blocks merged channel by channel into the stored ones (one
 * day either side loaded, so that a stuck run crossing into neighbouring files is seen whole), stuck runs
 * flagged across them, and the blocks that changed saved.
 */
final class BlockMerge {
    private final ObservationStore observations;

    BlockMerge(ObservationStore observations) {
        this.observations = observations;
    }

    /** Merges a file's day blocks into the stored ones and saves those that changed; {@code flagged} counts new flags, stuck runs included. */
    DayBlocks.MergeCounts merge(Connection c, FileCollector collector) throws SQLException {
        if (collector.blocks.isEmpty()) {
            return new DayBlocks.MergeCounts(0, 0, 0);
        }
        int fromDay = collector.blocks.keySet().stream().mapToInt(Key::utcDay).min().orElseThrow();
        int toDay = collector.blocks.keySet().stream().mapToInt(Key::utcDay).max().orElseThrow();
        Set<Integer> stationIds = collector.blocks.keySet().stream().map(Key::stationId).collect(Collectors.toSet());
        // One day either side, so that a stuck run crossing into neighbouring files is seen whole.
        Map<Key, DayBlock> stored = observations.load(c, stationIds, fromDay - 1, toDay + 1);
        Set<Key> storedKeys = Set.copyOf(stored.keySet());
        long loaded = 0;
        long duplicates = 0;
        long flagged = 0;
        Map<Key, DayBlock> changed = new HashMap<>();
        for (Map.Entry<Key, DayBlock> entry : collector.blocks.entrySet()) {
            DayBlock target = stored.get(entry.getKey());
            if (target == null) {
                target = new DayBlock(entry.getKey().stationId(), entry.getKey().utcDay());
                stored.put(entry.getKey(), target);
            }
            DayBlocks.MergeCounts counts = DayBlocks.merge(entry.getValue(), target);
            loaded += counts.loaded();
            duplicates += counts.duplicates();
            flagged += counts.flagged();
            if (counts.loaded() > 0) {
                changed.put(entry.getKey(), target);
            }
        }
        if (!changed.isEmpty()) {
            flagged += flagStuck(stored, changed);
            observations.save(c, changed.values(), storedKeys);
        }
        return new DayBlocks.MergeCounts(loaded, duplicates, flagged);
    }

    /** Flags stuck runs over the changed blocks and their stored neighbours; neighbours that change are saved too. */
    private static long flagStuck(Map<Key, DayBlock> stored, Map<Key, DayBlock> changed) {
        Map<Key, Integer> before = new HashMap<>();
        for (Map.Entry<Key, DayBlock> e : stored.entrySet()) {
            before.put(e.getKey(), stuckCount(e.getValue()));
        }
        long newly = DayBlocks.flagStuckRuns(new ArrayList<>(stored.values()));
        for (Map.Entry<Key, DayBlock> e : stored.entrySet()) {
            if (stuckCount(e.getValue()) != before.get(e.getKey())) {
                changed.put(e.getKey(), e.getValue());
            }
        }
        return newly;
    }

    private static int stuckCount(DayBlock block) {
        int n = 0;
        for (int slot = 0; slot < DayBlock.SLOTS; slot++) {
            if (QualityFlag.STUCK.isSet(block.flags(slot))) {
                n++;
            }
        }
        return n;
    }
}
