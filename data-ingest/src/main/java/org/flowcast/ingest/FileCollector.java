package org.flowcast.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.flowcast.core.PemsTime;
import org.flowcast.core.QualityFlag;
import org.flowcast.core.Station;
import org.flowcast.ingest.read.Reading;
import org.flowcast.ingest.read.ReadingSink;
import org.flowcast.store.DayBlock;
import org.flowcast.store.DayBlocks;
import org.flowcast.store.StationDay;
import org.flowcast.store.StationEdge;

/**
 * Gathers what a reader finds in one file, in memory proportional to the station-days it covers,
 * not to its rows: readings go straight into day blocks, rejects straight to the reject log. Every row read is
 * accounted for: loaded (later, by the merge), a duplicate, rejected, or empty (no value at all: not stored).
 * Readings at implausible times ({@link PlausibleTimes}) are rejected; a second reading of a station and time with
 * other values is a conflict, rejected naming both lines (the first kept).
 */
final class FileCollector implements ReadingSink {
    static final int ERRORS_SHOWN = 5;
    /** Rejected rows of one file written to the reject log; a refused file of millions of bad rows would fill a disk. */
    static final int REJECTS_LOGGED = 1000;
    private static final int PROGRESS_EVERY = 8192;

    /** Lane layouts that disagree with the metadata listed in the warning; the rest are counted. */
    private static final int MISMATCHES_SHOWN = 5;

    private final Path file;
    private final Consumer<String> rejectLog;
    private final LongConsumer progress;
    private final PlausibleTimes times;
    private final Map<StationDay, IncomingDay> days = new HashMap<>();
    final Map<Integer, Station> metadataStations = new LinkedHashMap<>();
    final Map<Integer, Station> dataStations = new LinkedHashMap<>();
    final List<StationEdge> edges = new ArrayList<>();
    final List<String> firstErrors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** The lanes the rows lay out, by station ({@code station_5min}), to be checked against the metadata's. */
    private final Map<Integer, Layout> layouts = new HashMap<>();
    /** Said of the lane layouts once the metadata's lanes are known; made again if the file is written again. */
    private String layoutWarning;
    long rowsRead;
    long rejected;
    long duplicatesInFile;
    /** Rows of a station and time read before, with other values: rejected, and among {@link #rejected}. */
    long conflicts;
    /** Readings without any value (flow, occupancy and speed empty or NaN): not stored. */
    long empty;
    /** Readings written into the day blocks. */
    long accepted;
    private long[] firstConflict;

    /**
     * @param rejectLog takes each line for the reject log
     * @param now       the time now, past which (with a margin) no reading is plausible
     */
    FileCollector(Path file, Consumer<String> rejectLog, LongConsumer progress, Instant now) {
        this.file = file;
        this.rejectLog = rejectLog;
        this.progress = progress;
        this.times = PlausibleTimes.of(file, now);
        times.warning().ifPresent(this::warning);
    }

    /** Where a station's rows first laid out their lanes. */
    private record Layout(int lanes, long line) {
    }

    /** Passes on every few thousand rows how many were read since it last did ({@code progress} adds them up). */
    @Override
    public void rowRead() {
        if (++rowsRead % PROGRESS_EVERY == 0) {
            progress.accept(PROGRESS_EVERY);
        }
    }

    @Override
    public void reading(Reading r, long line) {
        int slot = DayBlock.slotOf(r.time());
        if (slot < 0) {
            reject(line, "time " + PemsTime.format(r.time()) + " is not on a 5-minute boundary", r.toString());
            return;
        }
        if (!times.admits(r.time())) {
            reject(line, times.rejection(r.time()), r.toString());
            return;
        }
        if (Float.isNaN(r.flow()) && Float.isNaN(r.occupancy()) && Float.isNaN(r.speed())) {
            empty++;
            return;
        }
        if (!dataStations.containsKey(r.stationId())) {
            dataStations.put(r.stationId(), Station.unknown(r.stationId()));
        }
        IncomingDay day = days.computeIfAbsent(new StationDay(r.stationId(), DayBlock.dayOf(r.time())), IncomingDay::new);
        DayBlock block = day.block;
        if (block.isPresent(slot)) {
            if (holds(block, slot, r)) {
                duplicatesInFile++;
            } else {
                conflict(day.lines[slot], r, line);
            }
            return;
        }
        // the capacity check with the lanes the row says reported; applyKnownLanes adds the metadata's at writing
        int flags = QualityFlag.PRESENT.bit() | QualityFlag.check(r.flow(), r.occupancy(), r.speed(), r.lanes());
        DayBlocks.set(block, slot, r.flow(), r.occupancy(), r.speed(), r.percentObserved(), flags);
        day.rowLanes[slot] = (byte) Math.min(r.lanes(), Byte.MAX_VALUE);
        day.lines[slot] = line;
        accepted++;
    }

    /** Whether the slot holds exactly the reading's values (NaN equal to NaN). */
    private static boolean holds(DayBlock block, int slot, Reading r) {
        return Float.compare(block.flow(slot), r.flow()) == 0 && Float.compare(block.occupancy(slot), r.occupancy()) == 0
                && Float.compare(block.speed(slot), r.speed()) == 0 && block.percentObserved(slot) == r.percentObserved();
    }

    /** Rejects a second reading of a station and time with other values than the first, naming both lines. */
    private void conflict(long firstLine, Reading r, long line) {
        conflicts++;
        if (firstConflict == null) {
            firstConflict = new long[] {firstLine, line};
        }
        reject(line, "conflicts with line " + firstLine + ": both give station " + r.stationId() + " at "
                + LocalDateTime.ofInstant(r.time(), PemsTime.ZONE).toString().replace('T', ' ') + " Pacific, with other values "
                + "(here flow " + r.flow() + ", occupancy " + r.occupancy() + ", speed " + r.speed() + ", % observed "
                + r.percentObserved() + "); line " + firstLine + " is kept: remove the wrong row", r.toString());
    }

    /** Whether the file gave readings and none of them held a value, so that nothing of it would be stored. */
    boolean holdsNoValue() {
        return empty > 0 && accepted == 0 && duplicatesInFile == 0 && metadataStations.isEmpty();
    }

    /** What the file holds that was not read or not stored, though it is stored: for the result. */
    List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (conflicts > 0) {
            all.add(file + ": " + conflicts + " conflicting row(s): the same station and time with other values, the first "
                    + "on lines " + firstConflict[0] + " and " + firstConflict[1] + "; the first of each was kept, the other "
                    + "rejected (see the reject log)");
        }
        if (empty > 0 && !holdsNoValue()) {
            all.add(file + ": " + empty + " of its " + rowsRead + " readings hold no value (flow, occupancy and speed empty "
                    + "or NaN) and were not stored");
        }
        if (layoutWarning != null) {
            all.add(layoutWarning);
        }
        return all;
    }

    @Override
    public void laneLayout(int stationId, int lanes, long line) {
        layouts.putIfAbsent(stationId, new Layout(lanes, line));
    }

    /** The day blocks the file fills. */
    Collection<DayBlock> blocks() {
        List<DayBlock> blocks = new ArrayList<>(days.size());
        days.values().forEach(d -> blocks.add(d.block));
        return blocks;
    }

    /**
     * Redoes the capacity check of every reading with the more lanes of the row and the station's metadata
     * ({@code lanes} by station), which the file's readers did not wait for: they read while the metadata is
     * written. Flags that a reading passes now are cleared, and set where it fails.
     */
    void applyKnownLanes(Map<Integer, Integer> lanes) {
        for (IncomingDay day : days.values()) {
            int known = lanes.getOrDefault(day.block.stationId(), 0);
            if (known > 0) {
                day.recheckCapacity(known);
            }
        }
        sayLayoutsAgainst(lanes);
    }

    /**
     * Says which stations' rows lay out other lanes than their metadata gives (a metadata file of another date, a
     * station rebuilt): not a row's error, as the metadata may be the one that is out of date.
     */
    private void sayLayoutsAgainst(Map<Integer, Integer> lanes) {
        List<String> mismatches = new ArrayList<>();
        layouts.forEach((id, layout) -> {
            int known = lanes.getOrDefault(id, 0);
            if (known > 0 && known != layout.lanes()) {
                mismatches.add("station " + id + " " + layout.lanes() + " lane(s) (line " + layout.line() + "), its metadata " + known);
            }
        });
        layoutWarning = mismatches.isEmpty() ? null : file + ": the rows of " + mismatches.size() + " station(s) lay out "
                + "other lanes than their metadata: " + String.join("; ", mismatches.subList(0, Math.min(MISMATCHES_SHOWN,
                mismatches.size()))) + (mismatches.size() > MISMATCHES_SHOWN ? "; ..." : "") + "; the capacity check uses "
                + "the larger: check that the metadata is of the data's date";
    }

    /** A day block a file fills, with the lanes each slot's row said reported and the line it came from. */
    private static final class IncomingDay {
        final DayBlock block;
        final byte[] rowLanes = new byte[DayBlock.SLOTS];
        final long[] lines = new long[DayBlock.SLOTS];

        IncomingDay(StationDay key) {
            block = new DayBlock(key.stationId(), key.utcDay());
        }

        void recheckCapacity(int knownLanes) {
            for (int slot = 0; slot < DayBlock.SLOTS; slot++) {
                if (block.isPresent(slot)) {
                    DayBlocks.recheckCapacity(block, slot, Math.max(rowLanes[slot], knownLanes));
                }
            }
        }
    }

    @Override
    public void station(Station station, boolean fromMetadata) {
        if (fromMetadata) {
            metadataStations.put(station.id(), station);
        } else {
            dataStations.put(station.id(), station);
        }
    }

    @Override
    public void edge(int fromStationId, int toStationId, double cost) {
        edges.add(new StationEdge(fromStationId, toStationId, cost));
    }

    @Override
    public void reject(long line, String message, String rawRow) {
        rejected++;
        String where = file + (line > 0 ? ":" + line : "");
        if (firstErrors.size() < ERRORS_SHOWN) {
            firstErrors.add(where + ": " + message);
        }
        if (rejected <= REJECTS_LOGGED) {
            log(where + ": " + message + " | " + (rawRow.length() > 1000 ? rawRow.substring(0, 1000) + "..." : rawRow).replace('\n', ' '));
        }
    }

    @Override
    public void duplicate(long line) {
        duplicatesInFile++;
    }

    @Override
    public void warning(String message) {
        warnings.add(file + ": " + message);
    }

    /** Passes on the last rows read and says in the reject log how many rejected rows of the file it left out. */
    void finish() {
        if (rowsRead % PROGRESS_EVERY != 0) {
            progress.accept(rowsRead % PROGRESS_EVERY);
        }
        if (rejected > REJECTS_LOGGED) {
            log(file + ": " + (rejected - REJECTS_LOGGED) + " more rejected rows of this file are not listed (the first "
                    + REJECTS_LOGGED + " are)");
        }
    }

    private void log(String text) {
        rejectLog.accept(text);
    }
}
