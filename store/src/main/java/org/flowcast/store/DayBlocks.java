package org.flowcast.store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flowcast.core.Channel;
import org.flowcast.core.QualityFlag;

/**
 * Operations on {@link DayBlock}s that span blocks or change them from outside the store: writing a
 * slot, merging incoming blocks into stored ones, and finding stuck readings across days.
 */
public final class DayBlocks {
    private DayBlocks() {
    }

    public static void set(DayBlock block, int slot, float flow, float occupancy, float speed, int percent, int flags) {
        block.set(slot, flow, occupancy, speed, percent, flags);
    }

    /** Sets or clears a present slot's {@link QualityFlag#FLOW_ABOVE_CAPACITY} for a station of {@code lanes} lanes. */
    public static void recheckCapacity(DayBlock block, int slot, int lanes) {
        int others = block.flags[slot] & ~QualityFlag.FLOW_ABOVE_CAPACITY.bit();
        int capacity = QualityFlag.check(block.flow[slot], 0, 0, lanes) & QualityFlag.FLOW_ABOVE_CAPACITY.bit();
        block.flags[slot] = (short) (others | capacity);
    }

    /** Counts of a merge: slots newly written or changed, and slots that already held the same reading. */
    public record MergeCounts(long loaded, long duplicates, long flagged) {
    }

    /**
     * Writes the present slots of {@code incoming} into {@code stored}: a reading from a file replaces a
     * filled or differing one, channel by channel, so a channel the incoming file leaves empty (a
     * flow-only web export over a {@code station_5min} day) keeps its stored value and its checks.
     * Returns the counts.
     */
    public static MergeCounts merge(DayBlock incoming, DayBlock stored) {
        long loaded = 0;
        long duplicates = 0;
        long flagged = 0;
        for (int slot = 0; slot < DayBlock.SLOTS; slot++) {
            if (!incoming.isPresent(slot)) {
                continue;
            }
            int flags = incoming.flags[slot];
            float flow = incoming.flow[slot];
            float occupancy = incoming.occupancy[slot];
            float speed = incoming.speed[slot];
            int percent = incoming.percentObserved[slot];
            if (stored.isPresent(slot)) {
                int kept = stored.flags[slot];
                if (Float.isNaN(flow)) {
                    flow = stored.flow[slot];
                    flags |= kept & QualityFlag.checkBits(Channel.FLOW);
                }
                if (Float.isNaN(occupancy)) {
                    occupancy = stored.occupancy[slot];
                    flags |= kept & QualityFlag.checkBits(Channel.OCCUPANCY);
                }
                if (Float.isNaN(speed)) {
                    speed = stored.speed[slot];
                    flags |= kept & QualityFlag.checkBits(Channel.SPEED);
                }
                if (percent < 0) {
                    percent = stored.percentObserved[slot];
                }
                if (stored.holds(slot, flow, occupancy, speed, percent)) {
                    duplicates++;
                    continue;
                }
            }
            stored.set(slot, flow, occupancy, speed, percent, flags);
            loaded++;
            if ((flags & QualityFlag.CHECK_BITS) != 0) {
                flagged++;
            }
        }
        return new MergeCounts(loaded, duplicates, flagged);
    }

    /**
     * Flags as {@link QualityFlag#STUCK} every run of at least {@link QualityFlag#STUCK_STEPS}
     * consecutive identical readings (flow, occupancy and speed) of each station, across the given
     * blocks; returns how many slots were newly flagged, and passes each block a new flag was set in to
     * {@code changed} (once or more).
     */
    public static long flagStuckRuns(Collection<DayBlock> blocks, Consumer<DayBlock> changed) {
        Map<Integer, List<DayBlock>> byStation = new HashMap<>();
        for (DayBlock block : blocks) {
            byStation.computeIfAbsent(block.stationId, s -> new ArrayList<>()).add(block);
        }
        long flagged = 0;
        for (List<DayBlock> days : byStation.values()) {
            days.sort(Comparator.comparingInt(DayBlock::utcDay));
            flagged += flagStuckRuns(days, changed);
        }
        return flagged;
    }

    private static long flagStuckRuns(List<DayBlock> days, Consumer<DayBlock> changed) {
        long flagged = 0;
        DayBlock runBlock = null;
        int runSlot = -1;
        int runLength = 0;
        DayBlock previousBlock = null;
        int previousSlot = -1;
        for (DayBlock block : days) {
            for (int slot = 0; slot < DayBlock.SLOTS; slot++) {
                boolean continues = runLength > 0 && block.isPresent(slot) && !Float.isNaN(block.flow[slot])
                        && adjacent(previousBlock, previousSlot, block, slot)
                        && sameReading(previousBlock, previousSlot, block, slot);
                if (continues) {
                    runLength++;
                } else {
                    flagged += flagRun(days, runBlock, runSlot, runLength, changed);
                    boolean starts = block.isPresent(slot) && !Float.isNaN(block.flow[slot]);
                    runBlock = block;
                    runSlot = slot;
                    runLength = starts ? 1 : 0;
                }
                previousBlock = block;
                previousSlot = slot;
            }
        }
        flagged += flagRun(days, runBlock, runSlot, runLength, changed);
        return flagged;
    }

    private static boolean adjacent(DayBlock a, int slotA, DayBlock b, int slotB) {
        return a == b ? slotB == slotA + 1 : (b.utcDay == a.utcDay + 1 && slotA == DayBlock.SLOTS - 1 && slotB == 0);
    }

    private static boolean sameReading(DayBlock a, int slotA, DayBlock b, int slotB) {
        return Float.compare(a.flow[slotA], b.flow[slotB]) == 0
                && Float.compare(a.occupancy[slotA], b.occupancy[slotB]) == 0
                && Float.compare(a.speed[slotA], b.speed[slotB]) == 0;
    }

    private static long flagRun(List<DayBlock> days, DayBlock start, int startSlot, int length, Consumer<DayBlock> changed) {
        if (length < QualityFlag.STUCK_STEPS) {
            return 0;
        }
        long newlyFlagged = 0;
        int index = days.indexOf(start);
        int slot = startSlot;
        for (int i = 0; i < length; i++) {
            DayBlock block = days.get(index);
            if (!QualityFlag.STUCK.isSet(block.flags[slot])) {
                block.addFlags(slot, QualityFlag.STUCK.bit());
                newlyFlagged++;
                changed.accept(block);
            }
            if (++slot == DayBlock.SLOTS) {
                slot = 0;
                index++;
            }
        }
        return newlyFlagged;
    }
}
