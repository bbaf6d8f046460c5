package org.flowcast.ingest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flowcast.ingest.FileIngestResult.Status;
import org.flowcast.ingest.read.FileFormat;
import org.flowcast.store.DatabaseFaults;
import org.flowcast.store.DayBlocks;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.IngestTransaction;
import org.flowcast.store.IngestedFile;
import org.flowcast.store.KnownStation;
import org.flowcast.store.StoreException;

/**
 * Files written in one transaction, committed together once they hold {@code maxRows} rows or {@code maxFiles}
 * files (or at the end): every file is still kept whole or not at all, and a failure rolls the transaction
 * back and writes its files again one by one, so that one file's failure is its own. Committed one by one, the
 * 28 Orange files took 1.2 s on the writing thread (each commit waits for the disk, and each file read back and
 * rewrote the UTC day it shares with the one before); in one transaction, about 0.4 s (timers around the writes).
 */
final class FileBatch {
    private final FlowcastDatabase database;
    private final long maxRows;
    private final int maxFiles;
    private final List<PreparedFile> files = new ArrayList<>();
    private final List<FileIngestResult> written = new ArrayList<>();
    private IngestTransaction transaction;
    private Set<Integer> knownStations;
    /** The stored stations no metadata file has described, kept up to date as the batch writes stations. */
    private Set<Integer> withoutMetadata;
    /** Lanes by station, from the stored stations and the metadata the batch writes: the capacity check's. */
    private Map<Integer, Integer> lanes;
    private long rows;
    private Exception failure;

    FileBatch(FlowcastDatabase database, long maxRows, int maxFiles) {
        this.database = database;
        this.maxRows = maxRows;
        this.maxFiles = maxFiles;
    }

    /** Writes a file into the open transaction; returns the batch's results if this file filled it, else nothing yet. */
    List<FileIngestResult> add(PreparedFile file) {
        files.add(file);
        rows += file.rows();
        if (failure == null) {
            try {
                if (transaction == null) {
                    begin();
                }
                written.add(writeInto(file));
            } catch (StoreException | RuntimeException e) {
                failure = e;
            }
        }
        return rows >= maxRows || files.size() >= maxFiles ? commit() : List.of();
    }

    /** Commits what the batch holds and returns each file's result, in the order added; the batch is then empty. */
    List<FileIngestResult> commit() {
        if (files.isEmpty()) {
            return List.of();
        }
        List<FileIngestResult> results;
        try {
            if (failure != null) {
                throw failure;
            }
            transaction.commit();
            results = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                FileIngestResult r = written.get(i);
                List<Integer> unknown = files.get(i).collector().dataStations.keySet().stream()
                        .filter(withoutMetadata::contains).sorted().toList();
                results.add(new FileIngestResult(r.file(), r.format(), r.status(), r.rowsRead(), r.loaded(), r.duplicates(),
                        r.rejected(), r.flagged(), r.conflicts(), r.empty(), unknown, r.message(), r.warnings()));
            }
        } catch (Exception e) {
            rollback();
            results = files.size() == 1 ? List.of(failed(files.get(0), e)) : oneByOne(List.copyOf(files));
        } finally {
            close();
        }
        files.clear();
        written.clear();
        rows = 0;
        failure = null;
        return results;
    }

    /** After a batch failed: each file in a transaction of its own. */
    private List<FileIngestResult> oneByOne(List<PreparedFile> batch) {
        List<FileIngestResult> results = new ArrayList<>();
        for (PreparedFile file : batch) {
            results.addAll(new FileBatch(database, 1, 1).add(file));
        }
        return results;
    }

    private static FileIngestResult failed(PreparedFile p, Exception e) {
        return FileIngestResult.failed(p.file(), Optional.of(p.format()), Status.FAILED, p.rows(), 0,
                p.file() + ": writing to the database failed, nothing of this file was kept: " + DatabaseFaults.describe(e));
    }

    private void begin() throws StoreException {
        transaction = IngestTransaction.begin(database);
        Map<Integer, KnownStation> known = transaction.knownStations();
        knownStations = new HashSet<>(known.keySet());
        withoutMetadata = new HashSet<>();
        lanes = new HashMap<>();
        known.forEach((id, station) -> {
            if (!station.inMetadata()) {
                withoutMetadata.add(id);
            }
            if (station.lanes() > 0) {
                lanes.put(id, station.lanes());
            }
        });
    }

    /** Writes one file's stations, readings and log entry into the transaction. */
    private FileIngestResult writeInto(PreparedFile p) throws StoreException {
        FileCollector collector = p.collector();
        transaction.saveFromMetadata(collector.metadataStations.values(), knownStations);
        withoutMetadata.removeAll(collector.metadataStations.keySet());
        collector.metadataStations.values().stream().filter(st -> st.lanes() > 0).forEach(st -> lanes.put(st.id(), st.lanes()));
        for (Integer id : collector.dataStations.keySet()) {
            if (!knownStations.contains(id)) {
                withoutMetadata.add(id);
            }
        }
        transaction.ensureExist(collector.dataStations.values(), knownStations);
        transaction.saveEdges(collector.edges);
        collector.applyKnownLanes(lanes);
        DayBlocks.MergeCounts counts = transaction.merge(collector.blocks());
        long loaded = p.format() == FileFormat.STATION_METADATA ? collector.metadataStations.size() : counts.loaded();
        transaction.record(new IngestedFile(p.file().toAbsolutePath().toString(), p.format().name(), p.size(), p.sha256(),
                loaded, counts.duplicates() + collector.duplicatesInFile, collector.rejected, counts.flagged(), Instant.now()));
        return new FileIngestResult(p.file(), Optional.of(p.format()), Status.LOADED, collector.rowsRead, loaded,
                counts.duplicates() + collector.duplicatesInFile, collector.rejected, counts.flagged(), collector.conflicts,
                collector.empty, List.of(), collector.rejected > 0 ? "rejected rows are listed in " + database.rejectLog() : "",
                collector.warnings());
    }

    private void rollback() {
        if (transaction != null) {
            transaction.rollback();
        }
    }

    private void close() {
        if (transaction != null) {
            transaction.close();
            transaction = null;
        }
    }
}
