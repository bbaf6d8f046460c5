package org.flowcast.ingest.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowcast.core.Channel;
import org.flowcast.core.QualityFlag;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.store.DayBlock;
import org.flowcast.store.DayBlocks;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ObservationBlocks;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StationDay;
import org.flowcast.store.StoreException;

/**
 * The explicit gap-filling step: reads stations over a range, fills their gaps with a
 * {@link GapFiller} and stores the filled values marked {@link QualityFlag#FILLED}, in one
 * transaction. Slots that hold a reading from a file (even a flagged one) are never overwritten.
 */
public final class GapFillJob {
    private final FlowcastDatabase database;
    private final GapFiller filler;

    public GapFillJob(FlowcastDatabase database, GapFiller filler) {
        this.database = database;
        this.filler = filler;
    }

    /** Fills and stores; returns the filler's counts and how many slots were written. */
    public record Outcome(GapFiller.Result fill, long slotsWritten) {
    }

    public Outcome run(List<Integer> stationIds, TimeRange range) throws StoreException {
        SensorSeries series = new SeriesQuery(database).stations(stationIds, range);
        GapFiller.Result result = filler.fill(series);
        SensorSeries filled = result.series();
        long[] written = {0};
        new ObservationBlocks(database).update(stationIds, DayBlock.dayOf(series.start()), DayBlock.dayOf(series.end().minusSeconds(1)),
                stored -> {
                    Map<StationDay, DayBlock> changed = new HashMap<>();
                    for (int s = 0; s < series.stationCount(); s++) {
                        int id = series.stations().get(s).id();
                        for (int t = 0; t < series.length(); t++) {
                            if (!wasFilled(series, filled, t, s)) {
                                continue;
                            }
                            StationDay key = new StationDay(id, DayBlock.dayOf(series.timeAt(t)));
                            DayBlock block = stored.computeIfAbsent(key, k -> new DayBlock(k.stationId(), k.utcDay()));
                            int slot = DayBlock.slotOf(series.timeAt(t));
                            if (block.isPresent(slot)) {
                                continue;
                            }
                            DayBlocks.set(block, slot, filled.value(t, s, Channel.FLOW), filled.value(t, s, Channel.OCCUPANCY),
                                    filled.value(t, s, Channel.SPEED), -1, QualityFlag.FILLED.bit());
                            changed.put(key, block);
                            written[0]++;
                        }
                    }
                    return changed.values();
                });
        return new Outcome(result, written[0]);
    }

    private static boolean wasFilled(SensorSeries before, SensorSeries after, int t, int s) {
        for (Channel channel : Channel.values()) {
            if (before.state(t, s, channel) == ValueState.MISSING && after.state(t, s, channel) == ValueState.IMPUTED) {
                return true;
            }
        }
        return false;
    }
}
