package org.flowcast.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
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
import org.flowcast.store.DatabaseOpening;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.IngestHistory;
import org.flowcast.store.IngestedFile;
import org.flowcast.store.StoreException;

/**
 * Loads files into the database in transactions of whole files ({@link FileBatch}: up to
 * {@link IngestOptions#transactionRows()} rows): a file is committed whole or not at all, so that an
 * interrupted ingest leaves the database consistent and running it again completes it.
 * A file whose content was loaded before is skipped. Metadata files go first, so that the capacity
 * check knows each station's lanes. Bad rows are rejected into the reject log; a file with more
 * than the allowed share of them is refused whole.
 */
public final class Ingester {
    /** Files read ahead of the one being written, on as many threads: parsing is most of an ingest's work. */
    static final int READ_AHEAD = 2;
    /** At most this many files to a transaction, however small (a web export's week has 2,016 rows). */
    static final int BATCH_FILES = 64;

    private final DatabaseOpening database;
    private final IngestOptions options;
    private final IngestListener listener;
    private final AtomicLong rowsReadSoFar = new AtomicLong();

    public Ingester(FlowcastDatabase database, IngestOptions options, IngestListener listener) {
        this(DatabaseOpening.of(database), options, listener);
    }

    /** An ingester that starts reading while the database still opens; {@link #ingest} fails if it cannot be opened. */
    public Ingester(DatabaseOpening database, IngestOptions options, IngestListener listener) {
        this.database = database;
        this.options = options;
        this.listener = listener;
    }

    /**
     * Ingests the files in turn, metadata files first; a failing file never stops the others. While one
     * file is being written, the next ones are read on other threads.
     */
    public List<FileIngestResult> ingest(List<Path> files) throws StoreException {
        List<Detected> detected = new ArrayList<>();
        for (Path file : files) {
            detected.add(Detected.of(file));
        }
        detected.sort(Comparator.comparingInt(Detected::order));
        // a station taken from small-number names in several folders: said before the files are read apart
        Map<Path, List<String>> exportNotes = options.exportStationId().isPresent() ? Map.of() : SharedExportStations.notes(
                detected.stream().filter(d -> d.format() == FileFormat.STATION_EXPORT).map(Detected::file).toList());
        listener.started(detected.size());
        List<FileIngestResult> results = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(READ_AHEAD, r -> {
            Thread thread = new Thread(r, "flowcast-ingest-reader");
            thread.setDaemon(true);
            return thread;
        });
        try (RejectLog rejects = new RejectLog(database.rejectLog())) {
            // metadata first: its lanes are the capacity check's when the data files are written
            ReadAhead ahead = new ReadAhead(detected, readers, rejects, exportNotes);
            ahead.start();
            FileBatch batch = new FileBatch(database.get(), options.transactionRows(), BATCH_FILES);
            for (int i = 0; i < detected.size(); i++) {
                listener.fileStarted(detected.get(i).file(), i);
                PreparedFile prepared = ahead.take(i);
                if (prepared.result() != null) {
                    finish(batch.commit(), results);
                    finish(List.of(prepared.result()), results);
                } else {
                    finish(batch.add(prepared), results);
                }
            }
            finish(batch.commit(), results);
        } finally {
            readers.shutdownNow();
        }
        return results;
    }

    /** The files, read in order on the reading threads, up to {@link #READ_AHEAD} ahead of the one taken. */
    private final class ReadAhead {
        private final List<Detected> files;
        private final ExecutorService threads;
        private final RejectLog rejects;
        private final Map<Path, List<String>> notes;
        private final Deque<Future<PreparedFile>> pending = new ArrayDeque<>();
        private int next;

        ReadAhead(List<Detected> files, ExecutorService threads, RejectLog rejects, Map<Path, List<String>> notes) {
            this.files = files;
            this.threads = threads;
            this.rejects = rejects;
            this.notes = notes;
        }

        /** Starts reading the first files. */
        void start() {
            readUpTo(READ_AHEAD);
        }

        /** The file at {@code index} (the next one not taken), once read. */
        PreparedFile take(int index) {
            readUpTo(index + READ_AHEAD);
            return await(pending.poll(), files.get(index));
        }

        private void readUpTo(int last) {
            while (next < files.size() && next <= last) {
                Detected file = files.get(next++);
                pending.add(threads.submit(() -> prepare(file, rejects, notes.getOrDefault(file.file(), List.of()))));
            }
        }
    }

    private void finish(List<FileIngestResult> written, List<FileIngestResult> results) {
        for (FileIngestResult result : written) {
            results.add(result);
            listener.fileFinished(result);
        }
    }

    private static PreparedFile await(Future<PreparedFile> next, Detected d) {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PreparedFile.done(FileIngestResult.failed(d.file(), Optional.ofNullable(d.format()), Status.FAILED, 0, 0,
                    d.file() + ": interrupted"));
        } catch (ExecutionException e) {
            return PreparedFile.done(FileIngestResult.failed(d.file(), Optional.ofNullable(d.format()), Status.FAILED, 0, 0,
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

    /**
     * Reads a file into memory and decides whether it is to be written; touches the database only to read.
     * {@code notes} are warnings found of the file before reading it.
     */
    private PreparedFile prepare(Detected d, RejectLog rejects, List<String> notes) {
        Path file = d.file();
        FileFormat format = d.format();
        if (d.error() != null) {
            return PreparedFile.done(FileIngestResult.failed(file, Optional.empty(), Status.FAILED, 0, 0, d.error()));
        }
        if (format == FileFormat.TENSOR_COMPANION) {
            return PreparedFile.done(FileIngestResult.notRead(file, format, Status.SKIPPED,
                    "read together with the .npz tensor beside it"));
        }
        FileCollector collector = null;
        try {
            long size = Files.size(file);
            String sha256 = sha256(file);
            // a new database holds no file yet, so the files are read while it opens
            if (!options.force() && !database.isNew()) {
                Optional<IngestedFile> earlier = new IngestHistory(database.get()).findByContent(sha256, size);
                if (earlier.isPresent()) {
                    return PreparedFile.done(FileIngestResult.notRead(file, format, Status.UNCHANGED,
                            "already loaded from " + earlier.get().path() + " at " + earlier.get().loadedAt()));
                }
            }
            collector = new FileCollector(file, rejects::write, n -> listener.rowsRead(rowsReadSoFar.addAndGet(n)), Instant.now());
            notes.forEach(collector::warning);
            try {
                readerFor(format).read(file, collector);
            } finally {
                collector.finish();
            }
            if (collector.rowsRead > 0 && collector.rejected > options.maxRejectShare() * collector.rowsRead) {
                return PreparedFile.done(FileIngestResult.failed(file, Optional.of(format), Status.REFUSED, collector.rowsRead,
                        collector.rejected, String.format(
                                "refused: %d of %d rows (%.1f%%) are bad, more than the %.0f%% allowed; first errors:%n  %s",
                                collector.rejected, collector.rowsRead, 100.0 * collector.rejected / collector.rowsRead,
                                100 * options.maxRejectShare(), String.join(System.lineSeparator() + "  ", collector.firstErrors)),
                        collector.warnings()));
            }
            if (collector.rowsRead == 0) {
                return PreparedFile.done(FileIngestResult.failed(file, Optional.of(format), Status.FAILED, 0, 0,
                        file + ": holds no data rows", collector.warnings()));
            }
            if (collector.holdsNoValue()) {
                return PreparedFile.done(FileIngestResult.failed(file, Optional.of(format), Status.FAILED, collector.rowsRead,
                        collector.rejected, file + ": none of its " + collector.empty + " readings holds a value (flow, occupancy "
                                + "and speed are all empty or NaN): nothing was stored", collector.warnings()));
            }
            return new PreparedFile(file, format, size, sha256, collector, null);
        } catch (FileReadException e) {
            return PreparedFile.done(FileIngestResult.failed(file, Optional.of(format), Status.FAILED,
                    collector == null ? 0 : collector.rowsRead, collector == null ? 0 : collector.rejected, e.getMessage()));
        } catch (IOException e) {
            return PreparedFile.done(FileIngestResult.failed(file, Optional.of(format), Status.FAILED, 0, 0,
                    TextSource.explain(file, e).getMessage()));
        } catch (RejectLogFailure e) {
            return PreparedFile.done(FileIngestResult.failed(file, Optional.of(format), Status.FAILED,
                    collector == null ? 0 : collector.rowsRead, collector == null ? 0 : collector.rejected,
                    file + ": nothing of this file was stored: " + e.getMessage()));
        } catch (UncheckedIOException e) {
            return PreparedFile.done(FileIngestResult.failed(file, Optional.of(format), Status.FAILED, 0, 0,
                    TextSource.explain(file, e.getCause()).getMessage()));
        } catch (StoreException e) {
            return PreparedFile.done(FileIngestResult.failed(file, Optional.of(format), Status.FAILED, 0, 0,
                    file + ": reading the database failed: " + e.getMessage()));
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
