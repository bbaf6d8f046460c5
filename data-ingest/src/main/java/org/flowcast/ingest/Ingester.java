package org.flowcast.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
import org.flowcast.ingest.store.DayBlock;
import org.flowcast.ingest.store.DayBlocks;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.IngestLog;
import org.flowcast.ingest.store.ObservationStore;
import org.flowcast.ingest.store.ObservationStore.Key;
import org.flowcast.ingest.store.QualityFlag;
import org.flowcast.ingest.store.StationStore;

/**
 * Loads files into the database, one transaction per file: a file is committed whole or not at all,
 * so that an interrupted ingest leaves the database consistent and running it again completes it.
 * A file whose content was loaded before is skipped. Metadata files go first, so that the capacity
 * check knows each station's lanes. Bad rows are rejected into the reject log; a file with more
 * than the allowed share of them is refused whole.
 */
public final class Ingester {
    private final FlowcastDatabase database;
    private final IngestOptions options;
    private final IngestListener listener;
    private final StationStore stations = new StationStore();
    private final ObservationStore observations = new ObservationStore();
    private final IngestLog log = new IngestLog();
    private long totalRows;

    public Ingester(FlowcastDatabase database, IngestOptions options, IngestListener listener) {
        this.database = database;
        this.options = options;
        this.listener = listener;
    }

    /** Ingests the files in turn; a failing file never stops the others. */
    public List<FileIngestResult> ingest(List<Path> files) {
        List<Detected> detected = new ArrayList<>();
        for (Path file : files) {
            detected.add(Detected.of(file));
        }
        detected.sort(Comparator.comparingInt(Detected::order));
        listener.started(detected.size());
        List<FileIngestResult> results = new ArrayList<>();
        int index = 0;
        try (RejectLog rejects = new RejectLog(database.rejectLog())) {
            for (Detected d : detected) {
                listener.fileStarted(d.file(), index++);
                FileIngestResult result = d.error() != null
                        ? FileIngestResult.failed(d.file(), Optional.empty(), Status.FAILED, 0, 0, d.error())
                        : ingestOne(d.file(), d.format(), rejects);
                results.add(result);
                listener.fileFinished(result);
            }
        }
        return results;
    }

    private record Detected(Path file, FileFormat format, String error) {
        static Detected of(Path file) {
            try {
                return new Detected(file, FileFormat.detect(file), null);
            } catch (FileReadException e) {
                return new Detected(file, null, e.getMessage());
            } catch (IOException e) {
                return new Detected(file, null, file + ": " + e.getMessage());
            }
        }

        int order() {
            return format == FileFormat.STATION_METADATA ? 0 : 1;
        }
    }

    private FileIngestResult ingestOne(Path file, FileFormat format, RejectLog rejects) {
        if (format == FileFormat.TENSOR_COMPANION) {
            return new FileIngestResult(file, Optional.of(format), Status.SKIPPED, 0, 0, 0, 0, 0, List.of(),
                    "read together with the .npz tensor beside it");
        }
        long rowsAtStart = totalRows;
        FileCollector collector = null;
        try {
            long size = Files.size(file);
            String sha256 = sha256(file);
            if (!options.force()) {
                try (Connection c = database.connect()) {
                    Optional<IngestLog.Entry> earlier = log.findByContent(c, sha256, size);
                    if (earlier.isPresent()) {
                        return new FileIngestResult(file, Optional.of(format), Status.UNCHANGED, 0, 0, 0, 0, 0, List.of(),
                                "already loaded from " + earlier.get().path() + " at " + earlier.get().loadedAt());
                    }
                }
            }
            Map<Integer, Integer> lanes = knownLanes();
            collector = new FileCollector(file, lanes, rejects.writerFor(file), n -> listener.rowsRead(rowsAtStart + n));
            readerFor(format).read(file, collector);
            totalRows = rowsAtStart + collector.rowsRead;
            listener.rowsRead(totalRows);
            if (collector.rowsRead > 0 && collector.rejected > options.maxRejectShare() * collector.rowsRead) {
                return FileIngestResult.failed(file, Optional.of(format), Status.REFUSED, collector.rowsRead, collector.rejected,
                        String.format("refused: %d of %d rows (%.1f%%) are bad, more than the %.0f%% allowed; first errors:%n  %s",
                                collector.rejected, collector.rowsRead, 100.0 * collector.rejected / collector.rowsRead,
                                100 * options.maxRejectShare(), String.join(System.lineSeparator() + "  ", collector.firstErrors)));
            }
            if (collector.rowsRead == 0) {
                return FileIngestResult.failed(file, Optional.of(format), Status.FAILED, 0, 0, file + ": holds no data rows");
            }
            return commit(file, format, size, sha256, collector);
        } catch (FileReadException e) {
            return FileIngestResult.failed(file, Optional.of(format), Status.FAILED, collector == null ? 0 : collector.rowsRead,
                    collector == null ? 0 : collector.rejected, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return FileIngestResult.failed(file, Optional.of(format), Status.FAILED, 0, 0, file + ": " + e.getMessage());
        } catch (SQLException e) {
            return FileIngestResult.failed(file, Optional.of(format), Status.FAILED, 0, 0,
                    file + ": writing to the database failed, nothing of this file was kept: " + e.getMessage());
        } finally {
            if (collector != null) {
                totalRows = rowsAtStart + collector.rowsRead;
            }
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

    private Map<Integer, Integer> knownLanes() throws SQLException {
        Map<Integer, Integer> lanes = new HashMap<>();
        try (Connection c = database.connect()) {
            for (Station s : stations.all(c).values()) {
                if (s.lanes() > 0) {
                    lanes.put(s.id(), s.lanes());
                }
            }
        }
        return lanes;
    }

    private FileIngestResult commit(Path file, FileFormat format, long size, String sha256, FileCollector collector) throws SQLException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                stations.saveFromMetadata(c, collector.metadataStations.values());
                stations.ensureExist(c, collector.dataStations.values());
                stations.saveEdges(c, collector.edges);
                DayBlocks.MergeCounts counts = mergeBlocks(c, collector);
                long loaded = format == FileFormat.STATION_METADATA ? collector.metadataStations.size() : counts.loaded();
                log.record(c, new IngestLog.Entry(file.toAbsolutePath().toString(), format.name(), size, sha256, loaded,
                        counts.duplicates() + collector.duplicatesInFile, collector.rejected, counts.flagged(), Instant.now()));
                Set<Integer> withoutMetadata = stations.withoutMetadata(c);
                List<Integer> unknown = collector.dataStations.keySet().stream().filter(withoutMetadata::contains).sorted().toList();
                c.commit();
                return new FileIngestResult(file, Optional.of(format), Status.LOADED, collector.rowsRead, loaded,
                        counts.duplicates() + collector.duplicatesInFile, collector.rejected, counts.flagged(), unknown,
                        collector.rejected > 0 ? "rejected rows are listed in " + database.rejectLog() : "");
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private DayBlocks.MergeCounts mergeBlocks(Connection c, FileCollector collector) throws SQLException {
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

    /** The reject log beside the database, opened on the first reject and appended to. */
    private static final class RejectLog implements AutoCloseable {
        private final Path path;
        private BufferedWriter writer;

        RejectLog(Path path) {
            this.path = path;
        }

        Supplier<BufferedWriter> writerFor(Path file) {
            return () -> {
                if (writer == null) {
                    try {
                        Files.createDirectories(path.toAbsolutePath().getParent());
                        writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND);
                        writer.write("# ingest at " + Instant.now());
                        writer.newLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return writer;
            };
        }

        @Override
        public void close() {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
