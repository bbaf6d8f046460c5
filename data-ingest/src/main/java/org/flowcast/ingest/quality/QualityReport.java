package org.flowcast.ingest.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcast.core.QualityFlag;
import org.flowcast.core.Station;
import org.flowcast.store.DayBlock;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ObservationBlocks;
import org.flowcast.store.StationQuery;
import org.flowcast.store.StoreException;

/** Summarises the data quality of every station in the store, one block at a time. */
public final class QualityReport {
    private final FlowcastDatabase database;

    public QualityReport(FlowcastDatabase database) {
        this.database = database;
    }

    /** One summary per station that has readings or metadata, ordered by freeway, direction and postmile. */
    public List<StationQuality> perStation() throws StoreException {
        Map<Integer, Station> stations = new StationQuery(database).all();
        Map<Integer, Tally> tallies = new HashMap<>();
        new ObservationBlocks(database).forEach(block -> tallies.computeIfAbsent(block.stationId(), id -> new Tally()).add(block));
        List<StationQuality> result = new ArrayList<>();
        for (Station station : stations.values()) {
            result.add(tallies.getOrDefault(station.id(), new Tally()).toQuality(station));
        }
        result.sort(Comparator.comparingInt((StationQuality q) -> q.station().freeway())
                .thenComparing(q -> q.station().direction())
                .thenComparingDouble(q -> Double.isNaN(q.station().absolutePostmile()) ? Double.MAX_VALUE : q.station().absolutePostmile())
                .thenComparingInt(q -> q.station().id()));
        return result;
    }

    private static final class Tally {
        Instant first;
        Instant last;
        long present;
        long percentSum;
        long percentCount;
        long neverObserved;
        long filled;
        final Map<QualityFlag, Long> flagged = new EnumMap<>(QualityFlag.class);

        void add(DayBlock block) {
            for (int slot = 0; slot < DayBlock.SLOTS; slot++) {
                int flags = block.flags(slot);
                if (QualityFlag.FILLED.isSet(flags)) {
                    filled++;
                }
                // a row without a flow (a web export's blank hour) is a gap: coverage counts what the detector reported
                if (!block.isPresent(slot) || Float.isNaN(block.flow(slot))) {
                    continue;
                }
                Instant t = block.timeOf(slot);
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
                present++;
                int percent = block.percentObserved(slot);
                if (percent >= 0) {
                    percentSum += percent;
                    percentCount++;
                    if (percent == 0) {
                        neverObserved++;
                    }
                }
                for (QualityFlag flag : QualityFlag.values()) {
                    if ((flag.bit() & QualityFlag.CHECK_BITS) != 0 && flag.isSet(flags)) {
                        flagged.merge(flag, 1L, Long::sum);
                    }
                }
            }
        }

        StationQuality toQuality(Station station) {
            long spanned = first == null ? 0 : (last.getEpochSecond() - first.getEpochSecond()) / DayBlock.SLOT_SECONDS + 1;
            return new StationQuality(station, Optional.ofNullable(first), Optional.ofNullable(last), spanned, present,
                    percentCount == 0 ? Double.NaN : (double) percentSum / percentCount, neverObserved, filled, flagged);
        }
    }
}
