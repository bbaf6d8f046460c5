package org.flowcast.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.flowcast.core.Station;
import org.flowcast.ingest.FileIngestResult.Status;
import org.flowcast.ingest.read.FileFormat;
import org.flowcast.ingest.read.FileReadException;
import org.flowcast.ingest.read.LongCsvReader;
import org.flowcast.ingest.read.NpzTensorReader;
import org.flowcast.ingest.read.SensorFileReader;
import org.flowcast.ingest.read.StationExportReader;
import org.flowcast.ingest.read.StationFiveMinuteReader;
import org.flowcast.ingest.read.StationMetadataReader;
import org.flowcast.ingest.read.TextSource;
import org.flowcast.ingest.store.DatabaseFaults;
import org.flowcast.ingest.store.DayBlocks;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.IngestLog;
import org.flowcast.ingest.store.ObservationStore;
import org.flowcast.ingest.store.StationStore;

/**
 * Loads files into the database, one transaction per file (small files several to a transaction,
 * {@link #SMALL_FILE_ROWS}): a file is committed whole or not at all, so that an interrupted ingest leaves
 * the database consistent and running it again completes it.
 * A file whose content was loaded before is skipped. Metadata files go first, so that the capacity
 * check knows each station's lanes. Bad rows are rejected into the reject log; a file with more
 * than the allowed share of them is refused whole.
 */
public final class Ingester {
    private final FlowcastDatabase database;
    private final IngestOptions options;
    private final IngestListener listener;
    private final StationStore stations = new StationStore();
    private final BlockMerge blocks = new BlockMerge(new ObservationStore());
    private final IngestLog log = new IngestLog();
    private final AtomicLong rowsReadSoFar = new AtomicLong();

    public Ingester(FlowcastDatabase database, IngestOptions options, IngestListener listener) {
        this.database = database;
        this.options = options;
        this.listener = listener;
    }

    /**
     * Ingests the files in turn; a failing file never stops the others. While one file is being
     * written, the next is read on a second thread (metadata files are written first, on their own,
     * since reading data files uses the lanes they give).
     */
    public List<FileIngestResult> ingest(List<Path> files) {
        List<Detected> detected = new ArrayList<>();
        for (Path file : files) {
            detected.add(Detected.of(file));
        }
        detected.sort(Comparator.comparingInt(Detected::order));
        listener.started(detected.size());
        List<FileIngestResult> results = new ArrayList<>();
        ExecutorService readAhead = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "flowcast-ingest-reader");
            thread.setDaemon(true);
            return thread;
        });
        try (RejectLog rejects = new RejectLog(database.rejectLog())) {
            int metadataFiles = (int) detected.stream().filter(d -> d.order() == 0).count();
            Map<Integer, Integer> lanes = null;
            Future<Prepared> next = null;
            List<Prepared> group = new ArrayList<>();
            long groupRows = 0;
            for (int i = 0; i < detected.size(); i++) {
                Detected d = detected.get(i);
                listener.fileStarted(d.file(), i);
                Prepared prepared;
                if (i < metadataFiles) {
                    prepared = prepare(d, Map.of(), rejects);
                } else {
                    if (lanes == null) {
                        lanes = knownLanes();
                    }
                    prepared = next != null ? await(next, d) : prepare(d, lanes, rejects);
                    if (i + 1 < detected.size()) {
                        Detected following = detected.get(i + 1);
                        Map<Integer, Integer> knownLanes = lanes;
                        next = readAhead.submit(() -> prepare(following, knownLanes, rejects));
                    }
                }
                if (prepared.result() == null && prepared.collector().rowsRead < SMALL_FILE_ROWS) {
                    group.add(prepared);
                    groupRows += prepared.collector().rowsRead;
                    if (group.size() >= GROUP_FILES || groupRows >= GROUP_ROWS) {
                        finish(writeGroup(group), results);
                        groupRows = 0;
                    }
                    continue;
                }
                finish(writeGroup(group), results);
                groupRows = 0;
                finish(List.of(prepared.result() != null ? prepared.result() : write(prepared)), results);
            }
            finish(writeGroup(group), results);
        } finally {
            readAhead.shutdownNow();
        }
        return results;
    }

    private void finish(List<FileIngestResult> written, List<FileIngestResult> results) {
        for (FileIngestResult result : written) {
            results.add(result);
            listener.fileFinished(result);
        }
    }

    /**
     * Writes small files in one transaction (and empties the group): each is still kept whole or not at
     * all, since a failure rolls the transaction back and the files are written again one by one.
     */
    private List<FileIngestResult> writeGroup(List<Prepared> group) {
        if (group.isEmpty()) {
            return List.of();
        }
        List<Prepared> files = List.copyOf(group);
        group.clear();
        if (files.size() > 1) {
            try (Connection c = database.connect()) {
                c.setAutoCommit(false);
                try {
                    List<FileIngestResult> written = new ArrayList<>();
                    for (Prepared p : files) {
                        written.add(writeInto(c, p.file(), p.format(), p.size(), p.sha256(), p.collector(), false));
                    }
                    // which stations still lack metadata, asked once for the group rather than once per file
                    Set<Integer> withoutMetadata = stations.withoutMetadata(c);
                    c.commit();
                    List<FileIngestResult> results = new ArrayList<>();
                    for (int i = 0; i < files.size(); i++) {
                        FileIngestResult r = written.get(i);
                        List<Integer> unknown = files.get(i).collector().dataStations.keySet().stream()
                                .filter(withoutMetadata::contains).sorted().toList();
                        results.add(new FileIngestResult(r.file(), r.format(), r.status(), r.rowsRead(), r.loaded(), r.duplicates(),
                                r.rejected(), r.flagged(), unknown, r.message(), r.warnings()));
                    }
                    return results;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                }
            } catch (SQLException e) {
                // written one by one below, where each file's failure is its own
            }
        }
        List<FileIngestResult> written = new ArrayList<>();
        for (Prepared p : files) {
            written.add(write(p));
        }
        return written;
    }

    private static Prepared await(Future<Prepared> next, Detected d) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Prepared.done(FileIngestResult.failed(d.file(), Optional.ofNullable(d.format()), Status.FAILED, 0, 0,
                    d.file() + ": interrupted"));
        } catch (ExecutionException e) {
            return Prepared.done(FileIngestResult.failed(d.file(), Optional.ofNullable(d.format()), Status.FAILED, 0, 0,
                    d.file() + ": " + e.getCause()));
        }
    }

    private record Detected(Path file, FileFormat format, String error) {
        static Detected of(Path file) {
            try {
                return new Detected(file, FileFormat.detect(file), null);
            } catch (FileReadException e) {
                return new Detected(file, null, e.getMessage());
            } catch (IOException e) {
                return new Detected(file, null, TextSource.explain(file, e).getMessage());
            }
        }

        int order() {
            return format == FileFormat.STATION_METADATA ? 0 : 1;
        }
    }

    /** A file read and checked, ready to be written; or its final result where there is nothing to write. */
    /**
     * Files with fewer rows than this (a web export's week has 2,016) are committed together, up to
     * {@link #GROUP_FILES} files or {@link #GROUP_ROWS} rows per transaction, and reported finished once it
     * commits: committing each of 324 one-week exports alone (every commit waits for the disk) took
     * 6.3 s against 3.0 s for the whole folder. A file of more rows is committed alone, as soon as it is written.
     */
    static final int SMALL_FILE_ROWS = 5_000;
    static final int GROUP_FILES = 64;
    static final long GROUP_ROWS = 100_000;

    private record Prepared(Path file, FileFormat format, long size, String sha256, FileCollector collector, FileIngestResult result) {
        static Prepared done(FileIngestResult result) {
            return new Prepared(result.file(), null, 0, null, null, result);
        }
    }

    /** Reads a file into memory and decides whether it is to be written; touches the database only to read. */
    private Prepared prepare(Detected d, Map<Integer, Integer> lanes, RejectLog rejects) {
        Path file = d.file();
        FileFormat format = d.format();
        if (d.error() != null) {
            return Prepared.done(FileIngestResult.failed(file, Optional.empty(), Status.FAILED, 0, 0, d.error()));
        }
        if (format == FileFormat.TENSOR_COMPANION) {
            return Prepared.done(new FileIngestResult(file, Optional.of(format), Status.SKIPPED, 0, 0, 0, 0, 0, List.of(),
                    "read together with the .npz tensor beside it", List.of()));
        }
        FileCollector collector = null;
        try {
            long size = Files.size(file);
            String sha256 = sha256(file);
            if (!options.force()) {
                try (Connection c = database.connect()) {
                    Optional<IngestLog.Entry> earlier = log.findByContent(c, sha256, size);
                    if (earlier.isPresent()) {
                        return Prepared.done(new FileIngestResult(file, Optional.of(format), Status.UNCHANGED, 0, 0, 0, 0, 0,
                                List.of(), "already loaded from " + earlier.get().path() + " at " + earlier.get().loadedAt(), List.of()));
                    }
                }
            }
            long rowsBefore = rowsReadSoFar.get();
            collector = new FileCollector(file, lanes, rejects.writerFor(file), n -> listener.rowsRead(rowsBefore + n));
            try {
                readerFor(format).read(file, collector);
            } finally {
                collector.finish();
            }
            rowsReadSoFar.addAndGet(collector.rowsRead);
            if (collector.rowsRead > 0 && collector.rejected > options.maxRejectShare() * collector.rowsRead) {
                return Prepared.done(FileIngestResult.failed(file, Optional.of(format), Status.REFUSED, collector.rowsRead,
                        collector.rejected, String.format(
                                "refused: %d of %d rows (%.1f%%) are bad, more than the %.0f%% allowed; first errors:%n  %s",
                                collector.rejected, collector.rowsRead, 100.0 * collector.rejected / collector.rowsRead,
                                100 * options.maxRejectShare(), String.join(System.lineSeparator() + "  ", collector.firstErrors))));
            }
            if (collector.rowsRead == 0) {
                return Prepared.done(FileIngestResult.failed(file, Optional.of(format), Status.FAILED, 0, 0,
                        file + ": holds no data rows"));
            }
            return new Prepared(file, format, size, sha256, collector, null);
        } catch (FileReadException e) {
            return Prepared.done(FileIngestResult.failed(file, Optional.of(format), Status.FAILED,
                    collector == null ? 0 : collector.rowsRead, collector == null ? 0 : collector.rejected, e.getMessage()));
        } catch (IOException e) {
            return Prepared.done(FileIngestResult.failed(file, Optional.of(format), Status.FAILED, 0, 0,
                    TextSource.explain(file, e).getMessage()));
        } catch (UncheckedIOException e) {
            return Prepared.done(FileIngestResult.failed(file, Optional.of(format), Status.FAILED, 0, 0,
                    TextSource.explain(file, e.getCause()).getMessage()));
        } catch (SQLException e) {
            return Prepared.done(FileIngestResult.failed(file, Optional.of(format), Status.FAILED, 0, 0,
                    file + ": reading the database failed: " + e.getMessage()));
        }
    }

    private FileIngestResult write(Prepared p) {
        try {
            return commit(p.file(), p.format(), p.size(), p.sha256(), p.collector());
        } catch (SQLException e) {
            return FileIngestResult.failed(p.file(), Optional.of(p.format()), Status.FAILED, p.collector().rowsRead, 0,
                    p.file() + ": writing to the database failed, nothing of this file was kept: " + DatabaseFaults.describe(e));
        }
    }

    private SensorFileReader readerFor(FileFormat format) {
        return switch (format) {
            case STATION_5MIN -> new StationFiveMinuteReader();
            case STATION_METADATA -> new StationMetadataReader();
            case STATION_EXPORT -> new StationExportReader(options.exportStationId());
            case NPZ_TENSOR -> new NpzTensorReader(options.tensor());
            case LONG_CSV -> new LongCsvReader();
            case TENSOR_COMPANION -> throw new IllegalStateException("companion files are not read alone");
        };
    }

    /** Lanes per station from the metadata stored so far; without them the capacity check assumes the most lanes any station has. */
    private Map<Integer, Integer> knownLanes() {
        Map<Integer, Integer> lanes = new HashMap<>();
        try (Connection c = database.connect()) {
            for (Station s : stations.all(c).values()) {
                if (s.lanes() > 0) {
                    lanes.put(s.id(), s.lanes());
                }
            }
        } catch (SQLException e) {
            // Writing will fail with its own message if the database is really unreadable.
            return Map.of();
        }
        return lanes;
    }

    private FileIngestResult commit(Path file, FileFormat format, long size, String sha256, FileCollector collector) throws SQLException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                FileIngestResult result = writeInto(c, file, format, size, sha256, collector, true);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Writes one file's stations, readings and log entry on a connection whose transaction the caller
     * commits; names the file's stations that still lack metadata where asked ({@code askMetadata}).
     */
    private FileIngestResult writeInto(Connection c, Path file, FileFormat format, long size, String sha256, FileCollector collector,
                                       boolean askMetadata) throws SQLException {
        stations.saveFromMetadata(c, collector.metadataStations.values());
        stations.ensureExist(c, collector.dataStations.values());
        stations.saveEdges(c, collector.edges);
        DayBlocks.MergeCounts counts = blocks.merge(c, collector);
        long loaded = format == FileFormat.STATION_METADATA ? collector.metadataStations.size() : counts.loaded();
        log.record(c, new IngestLog.Entry(file.toAbsolutePath().toString(), format.name(), size, sha256, loaded,
                counts.duplicates() + collector.duplicatesInFile, collector.rejected, counts.flagged(), Instant.now()));
        Set<Integer> withoutMetadata = askMetadata ? stations.withoutMetadata(c) : Set.of();
        List<Integer> unknown = collector.dataStations.keySet().stream().filter(withoutMetadata::contains).sorted().toList();
        return new FileIngestResult(file, Optional.of(format), Status.LOADED, collector.rowsRead, loaded,
                counts.duplicates() + collector.duplicatesInFile, collector.rejected, counts.flagged(), unknown,
                collector.rejected > 0 ? "rejected rows are listed in " + database.rejectLog() : "", collector.warnings);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
