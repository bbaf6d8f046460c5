package org.flowcast.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.SeriesQuery;
import org.flowcast.ingest.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowcast bench ingest}: loads a folder of PeMS station_5min files (and its metadata) into a
 * fresh database and reads one station back, printing rows/s, peak heap and query latency.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest benchmark: loads PeMS files into a fresh embedded database and reads one station's "
                + "whole span back through SeriesQuery.",
            "Run with JAVA_OPTS_FLOWCAST=-Xmx512m to check the memory bound."})
public final class IngestBenchCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data/pems-d12-orange",
            description = "Folder with station_5min/ and a *_meta*.txt (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--queries", defaultValue = "50", description = "Warm SeriesQuery repetitions (default: ${DEFAULT-VALUE}).")
    int queries;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, StoreException {
        if (!Files.isDirectory(data)) {
            throw new CommandFailure(data + " is not a folder; give --data with PeMS station_5min files");
        }
        List<String> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(data)) {
            files.filter(p -> p.getFileName().toString().contains("_meta")).map(Path::toString).forEach(inputs::add);
        }
        inputs.add((Files.isDirectory(data.resolve("station_5min")) ? data.resolve("station_5min") : data).toString());
        List<Path> files = InputFiles.expand(inputs).stream()
                .filter(p -> !p.getFileName().toString().endsWith(".npz")).toList();
        PrintWriter out = spec.commandLine().getOut();
        try (ScratchFolder scratch = new ScratchFolder("flowcast-bench")) {
            Path folder = scratch.path();
            resetPeakHeap();
            long start = System.nanoTime();
            List<FileIngestResult> results;
            double openSeconds;
            try (FlowcastDatabase db = FlowcastDatabase.open(folder.resolve("bench"))) {
                openSeconds = (System.nanoTime() - start) / 1e9;
                results = new Ingester(db, IngestOptions.defaults(), IngestListener.NONE).ingest(files);
                double seconds = (System.nanoTime() - start) / 1e9;
                long rows = results.stream().mapToLong(FileIngestResult::rowsRead).sum();
                long failed = results.stream().filter(r -> r.status().isFailure()).count();
                results.stream().filter(r -> r.status().isFailure()).forEach(r -> spec.commandLine().getErr().println(r.message()));
                long peakHeap = peakHeap();
                long dbBytes = Files.size(folder.resolve("bench.mv.db"));

                int station = results.stream().filter(r -> r.format().map(f -> f.name().equals("STATION_5MIN")).orElse(false))
                        .findFirst().map(r -> firstStation(db)).orElse(-1);
                SeriesQuery query = new SeriesQuery(db);
                TimeRange range = query.storedRange(List.of(station)).orElseThrow(() ->
                        new CommandFailure("no station_5min data was loaded from " + data));
                double[] millis = new double[queries + 10];
                int length = 0;
                for (int i = 0; i < millis.length; i++) {
                    long t0 = System.nanoTime();
                    length = query.stations(List.of(station), range).length();
                    millis[i] = (System.nanoTime() - t0) / 1e6;
                }
                double[] warm = Arrays.copyOfRange(millis, 10, millis.length);
                Arrays.sort(warm);
                out.println(Tables.render(List.of("measure", "value"), List.of(
                        List.of("files (failed)", results.size() + " (" + failed + ")"),
                        List.of("rows read", String.format(Locale.ROOT, "%,d", rows)),
                        List.of("open + migrate fresh database", String.format(Locale.ROOT, "%.2f s", openSeconds)),
                        List.of("end to end (open, read, write)", String.format(Locale.ROOT, "%.2f s", seconds)),
                        List.of("rows/s end to end", String.format(Locale.ROOT, "%,.0f", rows / seconds)),
                        List.of("peak heap used", String.format(Locale.ROOT, "%.0f MB (max %d MB)", peakHeap / 1e6,
                                Runtime.getRuntime().maxMemory() / 1_000_000)),
                        List.of("database size", String.format(Locale.ROOT, "%.1f MB", dbBytes / 1e6)),
                        List.of("SeriesQuery, 1 station x " + length + " steps, warm median",
                                String.format(Locale.ROOT, "%.2f ms (p90 %.2f ms, %d runs)", warm[warm.length / 2],
                                        warm[(int) (warm.length * 0.9)], warm.length)))));
                out.println("Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                        + " cores, OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
                return failed == 0 ? 0 : FlowcastCommand.EXIT_FAILURE;
            }
        }
    }

    private static int firstStation(FlowcastDatabase db) {
        try {
            return new org.flowcast.ingest.store.SeriesQuery(db).stationsWithReadings().stream().mapToInt(Integer::intValue).min()
                    .orElseThrow(() -> new CommandFailure("the benchmark database holds no readings"));
        } catch (org.flowcast.ingest.store.StoreException e) {
            throw new CommandFailure("reading the benchmark database failed: " + e.getMessage(), e);
        }
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
