package org.flowcast.app.cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowcast.app.FlowcastMain;
import org.flowcast.jobs.IngestBenchService;
import org.flowcast.jobs.IngestBenchService.Figures;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.ScratchFolder;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowcast bench ingest}: loads a folder of PeMS station_5min files (and its metadata) into fresh
 * databases, in this JVM and end to end in new ones, printing rows/s, peak heap and query latency.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ingest benchmark: loads PeMS files into a fresh embedded database in this JVM (rows/s from the "
                + "database's opening, peak heap, one station's whole span read back through SeriesQuery), then runs "
                + "'flowcast ingest' end to end in a new JVM per run under a heap bound, timed from its start to its exit.",
            "Prints a table and writes the figures as JSON."})
public final class IngestBenchCommand implements Callable<Integer> {
    /** Set by the launcher to its own path, so that the end-to-end runs start as a user's do. */
    static final String LAUNCHER_PROPERTY = "flowcast.launcher";

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of PeMS station_5min and metadata files (default: " + BenchDataset.DEFAULT + ").")
    Path data;

    @Option(names = "--runs", paramLabel = "N", converter = OptionValues.AtLeastOne.class, defaultValue = "3",
            description = "End-to-end runs, each a new JVM on a fresh database; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "512m",
            description = "The end-to-end runs' heap bound, as for java -Xmx (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--queries", paramLabel = "N", converter = OptionValues.AtLeastOne.class, defaultValue = "50",
            description = "Warm SeriesQuery repetitions (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench-ingest.json",
            description = "Where to write the figures (default: ${DEFAULT-VALUE}).")
    Path json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, JobException {
        if (!heap.matches("\\d+[kKmMgG]?")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--heap takes a size as for java -Xmx (512m, 2g), not '" + heap + "'");
        }
        data = BenchDataset.resolve(data, spec.commandLine().getOut());
        if (!Files.isDirectory(data)) {
            throw new CommandFailure(data + " is not a folder; give --data with PeMS station_5min files");
        }
        PrintWriter out = spec.commandLine().getOut();
        Figures figures;
        try (ScratchFolder scratch = new ScratchFolder("flowcast-bench")) {
            figures = new IngestBenchService().run(new IngestBenchService.Request(data, queries, runs, heap, scratch.path(),
                    flowcast(heap)),
                    (run, of, seconds) -> {
                        out.printf(Locale.ROOT, "end-to-end run %d of %d: %.2f s%n", run, of, seconds);
                        out.flush();
                    });
        } catch (IOException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
        out.println(Tables.render(List.of("measure", "value"), List.of(
                List.of("files (failed)", figures.files() + " (" + figures.failedFiles() + ")"),
                List.of("rows read", String.format(Locale.ROOT, "%,d", figures.rows())),
                List.of("rows/s end to end (new JVM, -Xmx" + figures.endToEndHeap() + ", median of " + runs + ")",
                        String.format(Locale.ROOT, "%,.0f", figures.endToEndRowsPerSecond())),
                List.of("end-to-end seconds (start to exit)", seconds(figures.endToEndSeconds())),
                List.of("in this JVM: open + migrate fresh database", String.format(Locale.ROOT, "%.2f s", figures.openSeconds())),
                List.of("in this JVM: open, read, write", String.format(Locale.ROOT, "%.2f s (%,.0f rows/s)",
                        figures.inProcessSeconds(), figures.inProcessRowsPerSecond())),
                List.of("in this JVM: peak heap used", String.format(Locale.ROOT, "%.0f MB (max %d MB)", figures.peakHeapBytes() / 1e6,
                        figures.maxHeapBytes() / 1_000_000)),
                List.of("database size", String.format(Locale.ROOT, "%.1f MB", figures.databaseBytes() / 1e6)),
                List.of("SeriesQuery, 1 station x " + figures.querySteps() + " steps, warm median",
                        String.format(Locale.ROOT, "%.2f ms (p90 %.2f ms, %d runs)", figures.queryMedianMillis(),
                                figures.queryP90Millis(), figures.queryRuns())))));
        out.println("end to end: " + figures.endToEndCommand());
        out.println("Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
        figures.writeJson(json);
        out.println("Figures written to " + json.toAbsolutePath());
        return figures.failedFiles() == 0 ? 0 : FlowcastCommand.EXIT_FAILURE;
    }

    /** How to start flowcast: the launcher that started this JVM, else this JVM's java on its class path with the heap bound. */
    private static List<String> flowcast(String heap) {
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            return List.of(launcher);
        }
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        java.add("-Xmx" + heap);
        java.add("-cp");
        java.add(System.getProperty("java.class.path"));
        java.add(FlowcastMain.class.getName());
        return java;
    }

    private static String seconds(List<Double> values) {
        List<String> text = new ArrayList<>();
        values.forEach(v -> text.add(String.format(Locale.ROOT, "%.2f", v)));
        return String.join(", ", text);
    }
}
