package org.flowcast.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.flowcast.core.Station;
import org.flowcast.ingest.read.Reading;
import org.flowcast.ingest.read.ReadingSink;
import org.flowcast.ingest.store.DayBlock;
import org.flowcast.ingest.store.DayBlocks;
import org.flowcast.ingest.store.ObservationStore.Key;
import org.flowcast.ingest.store.QualityFlag;
import org.flowcast.ingest.store.StationStore.Edge;

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
    private final Map<Integer, Integer> knownLanes;
    private final Supplier<BufferedWriter> rejectLog;
    private final LongConsumer progress;
    final Map<Key, DayBlock> blocks = new HashMap<>();
    final Map<Integer, Station> metadataStations = new LinkedHashMap<>();
    final Map<Integer, Station> dataStations = new LinkedHashMap<>();
    final List<Edge> edges = new ArrayList<>();
    final List<String> firstErrors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    long rowsRead;
    long rejected;
    long duplicatesInFile;

    FileCollector(Path file, Map<Integer, Integer> knownLanes, Supplier<BufferedWriter> rejectLog, LongConsumer progress) {
        this.file = file;
        this.knownLanes = knownLanes;
        this.rejectLog = rejectLog;
        this.progress = progress;
    }

    @Override
    public void rowRead() {
        if (++rowsRead % PROGRESS_EVERY == 0) {
            progress.accept(rowsRead);
        }
    }

    @Override
    public void reading(Reading r, long line) {
        int slot = DayBlock.slotOf(r.time());
        if (slot < 0) {
            reject(line, "time " + r.time() + " is not on a 5-minute boundary", r.toString());
            return;
        }
        dataStations.putIfAbsent(r.stationId(), Station.unknown(r.stationId()));
        DayBlock block = blocks.computeIfAbsent(new Key(r.stationId(), DayBlock.dayOf(r.time())),
                k -> new DayBlock(k.stationId(), k.utcDay()));
        if (block.isPresent(slot)) {
            duplicatesInFile++;
            return;
        }
        int lanes = Math.max(r.lanes(), knownLanes.getOrDefault(r.stationId(), 0));
        int flags = QualityFlag.PRESENT.bit() | QualityFlag.check(r.flow(), r.occupancy(), r.speed(), lanes);
        DayBlocks.set(block, slot, r.flow(), r.occupancy(), r.speed(), r.percentObserved(), flags);
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
        edges.add(new Edge(fromStationId, toStationId, cost));
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

    /** Says in the reject log how many rejected rows of the file it left out. */
    void finish() {
        if (rejected > REJECTS_LOGGED) {
            log(file + ": " + (rejected - REJECTS_LOGGED) + " more rejected rows of this file are not listed (the first "
                    + REJECTS_LOGGED + " are)");
        }
    }

    private void log(String text) {
        try {
            BufferedWriter log = rejectLog.get();
            log.write(text);
            log.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
