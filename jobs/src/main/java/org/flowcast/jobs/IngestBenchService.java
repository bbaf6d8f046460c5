package org.flowcast.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flowcast.core.FlowcastVersion;
import org.flowcast.core.RunEnvironment;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoreException;

/**
 * The ingest benchmark: loads a folder of PeMS {@code station_5min} files and its metadata into fresh databases,
 * once in this JVM (rows/s from the database's opening, peak heap, one station read back) and then end to end as a
 * user runs it, {@code flowcast ingest} in a new JVM per run under a heap bound, timed from process start to exit.
 */
public final class IngestBenchService {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int WARM_UP_QUERIES = 10;

    /**
     * What to measure: the folder, warm query repetitions, end-to-end runs and their heap bound ({@code -Xmx} form),
     * a folder for the throw-away databases, and how to start {@code flowcast} (the launcher, or this JVM's java).
     */
    public record Request(Path data, int queries, int runs, String heap, Path scratch, List<String> flowcast) {
    }

    /** Everything the benchmark measured, with where and on what; writes itself as JSON. */
    public record Figures(String data, int files, long failedFiles, long rows, double openSeconds, double inProcessSeconds,
                          double inProcessRowsPerSecond, long peakHeapBytes, long maxHeapBytes, long databaseBytes,
                          int querySteps, double queryMedianMillis, double queryP90Millis, int queryRuns,
                          String endToEndCommand, String endToEndHeap, List<Double> endToEndSeconds, double endToEndMedianSeconds,
                          double endToEndRowsPerSecond, String codeVersion, String codeCommit, Map<String, String> environment,
                          String measuredAt) {
        public void writeJson(Path file) throws IOException {
            JSON.writeValue(file.toFile(), this);
        }
    }

    /** Told of each end-to-end run as it ends. */
    @FunctionalInterface
    public interface Progress {
        void endToEndRun(int run, int of, double seconds);
    }

    /** The files a benchmark of {@code data} ingests: its {@code *_meta*} files, then {@code station_5min/} (or the folder). */
    public static List<Path> inputs(Path data) throws IOException {
        List<String> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(data)) {
            files.filter(p -> p.getFileName().toString().contains("_meta")).sorted().map(Path::toString).forEach(inputs::add);
        }
        inputs.add((Files.isDirectory(data.resolve("station_5min")) ? data.resolve("station_5min") : data).toString());
        return InputFiles.expand(inputs).stream().filter(p -> !p.getFileName().toString().endsWith(".npz")).toList();
    }

    public Figures run(Request request, Progress progress) throws IOException, JobException {
        try {
            return measure(request, progress);
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    private Figures measure(Request request, Progress progress) throws IOException, StoreException {
        List<Path> files = inputs(request.data());
        resetPeakHeap();
        long start = System.nanoTime();
        List<FileIngestResult> results;
        double openSeconds;
        double seconds;
        long peakHeap;
        int steps;
        double[] warm;
        Path inProcess = request.scratch().resolve("in-process/flowcast");
        try (FlowcastDatabase db = FlowcastDatabase.open(inProcess)) {
            openSeconds = (System.nanoTime() - start) / 1e9;
            results = new Ingester(db, IngestOptions.defaults(), IngestListener.NONE).ingest(files);
            seconds = (System.nanoTime() - start) / 1e9;
            peakHeap = peakHeap();
            SeriesQuery query = new SeriesQuery(db);
            int station = query.stationsWithReadings().stream().mapToInt(Integer::intValue).min()
                    .orElseThrow(() -> new IOException("no station_5min data was loaded from " + request.data()));
            TimeRange range = query.storedRange(List.of(station)).orElseThrow();
            double[] millis = new double[request.queries() + WARM_UP_QUERIES];
            steps = 0;
            for (int i = 0; i < millis.length; i++) {
                long t0 = System.nanoTime();
                steps = query.stations(List.of(station), range).length();
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
            warm = Arrays.copyOfRange(millis, WARM_UP_QUERIES, millis.length);
            Arrays.sort(warm);
        }
        long rows = results.stream().mapToLong(FileIngestResult::rowsRead).sum();
        long failed = results.stream().filter(r -> r.status().isFailure()).count();
        long databaseBytes = Files.size(inProcess.resolveSibling("flowcast.mv.db"));

        List<Double> endToEnd = new ArrayList<>();
        for (int run = 1; run <= request.runs(); run++) {
            double took = endToEnd(request, files, request.scratch().resolve("run-" + run));
            endToEnd.add(took);
            progress.endToEndRun(run, request.runs(), took);
        }
        double median = median(endToEnd);
        return new Figures(request.data().toAbsolutePath().normalize().toString(), results.size(), failed, rows, openSeconds, seconds,
                rows / seconds, peakHeap, Runtime.getRuntime().maxMemory(), databaseBytes, steps, warm[warm.length / 2],
                warm[(int) (warm.length * 0.9)], warm.length, String.join(" ", request.flowcast()) + " ingest --db DB FILES",
                request.heap(), List.copyOf(endToEnd), median, rows / median, FlowcastVersion.current(), FlowcastVersion.commit(),
                RunEnvironment.describe(), Instant.now().toString());
    }

    /** One {@code flowcast ingest} of the files into a fresh database in {@code folder}, in a new JVM: its wall seconds. */
    private static double endToEnd(Request request, List<Path> files, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(request.flowcast());
        command.addAll(List.of("ingest", "--db", folder.resolve("flowcast").toString()));
        files.forEach(f -> command.add(f.toString()));
        Path errors = folder.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile());
        // the launcher's JVM options: the heap bound only (its own defaults would give 4 GB)
        builder.environment().put("JAVA_OPTS_FLOWCAST", "-Xmx" + request.heap());
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("the end-to-end ingest did not finish in 10 minutes: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the end-to-end ingest ran", e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            List<String> said = Files.readAllLines(errors, StandardCharsets.UTF_8);
            throw new IOException("the end-to-end ingest failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                    + (said.isEmpty() ? "" : System.lineSeparator() + String.join(System.lineSeparator(),
                    said.subList(Math.max(0, said.size() - 5), said.size()))));
        }
        return seconds;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
