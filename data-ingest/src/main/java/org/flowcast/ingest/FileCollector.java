package org.flowcast.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
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
 * not to its rows: readings go straight into day blocks, rejects straight to the reject log.
 */
final class FileCollector implements ReadingSink {
    static final int ERRORS_SHOWN = 5;
    /** Rejected rows of one file written to the reject log; a refused file of millions of bad rows would fill a disk. */
    static final int REJECTS_LOGGED = 1000;
    private static final int PROGRESS_EVERY = 8192;

    private final Path file;
    private final Supplier<BufferedWriter> rejectLog;
    private final LongConsumer progress;
    private final Map<StationDay, IncomingDay> days = new HashMap<>();
    final Map<Integer, Station> metadataStations = new LinkedHashMap<>();
    final Map<Integer, Station> dataStations = new LinkedHashMap<>();
    final List<StationEdge> edges = new ArrayList<>();
    final List<String> firstErrors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    long rowsRead;
    long rejected;
    long duplicatesInFile;

    FileCollector(Path file, Supplier<BufferedWriter> rejectLog, LongConsumer progress) {
        this.file = file;
        this.rejectLog = rejectLog;
        this.progress = progress;
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
            reject(line, "time " + r.time() + " is not on a 5-minute boundary", r.toString());
            return;
        }
        if (!dataStations.containsKey(r.stationId())) {
            dataStations.put(r.stationId(), Station.unknown(r.stationId()));
        }
        IncomingDay day = days.computeIfAbsent(new StationDay(r.stationId(), DayBlock.dayOf(r.time())), IncomingDay::new);
        DayBlock block = day.block;
        if (block.isPresent(slot)) {
            duplicatesInFile++;
            return;
        }
        // the capacity check with the lanes the row says reported; applyKnownLanes adds the metadata's at writing
        int flags = QualityFlag.PRESENT.bit() | QualityFlag.check(r.flow(), r.occupancy(), r.speed(), r.lanes());
        DayBlocks.set(block, slot, r.flow(), r.occupancy(), r.speed(), r.percentObserved(), flags);
        day.rowLanes[slot] = (byte) Math.min(r.lanes(), Byte.MAX_VALUE);
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
    }

    /** A day block a file fills, with the lanes each slot's row said reported. */
    private static final class IncomingDay {
        final DayBlock block;
        final byte[] rowLanes = new byte[DayBlock.SLOTS];

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
        try {
            BufferedWriter log = rejectLog.get();
            // one write per line: files read on two threads share the log
            log.write(text + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
