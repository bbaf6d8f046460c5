package org.flowcast.app.cli;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.cli.OptionValues;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowcast bench}: the whole reproducible benchmark in one run (ingest, then every model at
 * each horizon: accuracy, training speed, inference latency), printed as tables and written as one
 * JSON file; the subcommands run one part each.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the reproducible benchmark on a dataset: ingest rate, then for each horizon every model's test MAE, "
                + "RMSE and MAPE, parameters, training samples/s and seconds per epoch, and inference latency; prints tables "
                + "and writes JSON. The dataset is "
                + BenchDataset.DEFAULT + ".",
            "The subcommands run one part each."},
        subcommands = {IngestBenchCommand.class, ModelBenchCommand.class, DashboardBenchCommand.class, LiveBenchCommand.class,
            ShiftBenchCommand.class, CommandLine.HelpCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", description = "Dataset folder: PeMS files, or a .npz tensor with stations.txt "
            + "(default: " + BenchDataset.DEFAULT + ").")
    Path data;

    @Option(names = "--horizons", split = ",", defaultValue = "12,24", description = "Horizons to run (default: ${DEFAULT-VALUE}).")
    List<Integer> horizons;

    @Option(names = "--models", split = ",", description = "Models to run (default: all registered).")
    List<String> models;

    @Option(names = "--epochs", converter = OptionValues.AtLeastOne.class, defaultValue = "30",
            description = "Most epochs of neural models (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench.json",
            description = "Where to write every figure (default: ${DEFAULT-VALUE}).")
    Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, JobException {
        PrintWriter out = spec.commandLine().getOut();
        // running a subcommand parses again and resets this command's options, so keep them now
        List<Integer> horizonList = List.copyOf(horizons);
        List<String> modelList = models == null ? List.of() : List.copyOf(models);
        int epochCount = epochs;
        Path jsonFile = json.toAbsolutePath();
        Path dataset = BenchDataset.resolve(data, out);
        if (!Files.isDirectory(dataset)) {
            throw new CommandFailure(dataset + " is not a folder; give --data with PeMS files or a .npz tensor");
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("data", dataset.toAbsolutePath().normalize().toString());
        root.put("measuredAt", Instant.now().toString());
        root.put("java", System.getProperty("java.version"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("ompThreads", String.valueOf(System.getenv("OMP_NUM_THREADS")));

        boolean hasPemsFiles = Files.isDirectory(dataset.resolve("station_5min")) || containsDayFiles(dataset);
        if (hasPemsFiles) {
            out.println("== ingest");
            out.flush();
            Path part = Files.createTempFile("flowcast-bench-ingest", ".json");
            try {
                int code = sub("ingest", "--data", dataset.toString(), "--json", part.toString());
                if (code != 0) {
                    return code;
                }
                root.set("ingest", mapper.readTree(part.toFile()));
            } finally {
                Files.deleteIfExists(part);
            }
        }
        ArrayNode runs = root.putArray("horizons");
        for (int horizon : horizonList) {
            out.println("== models, horizon " + horizon + " steps");
            out.flush();
            Path part = Files.createTempFile("flowcast-bench-h" + horizon, ".json");
            try {
                List<String> args = new ArrayList<>(List.of("models", "--data", dataset.toString(), "--horizon", String.valueOf(horizon),
                        "--epochs", String.valueOf(epochCount), "--json", part.toString()));
                if (!modelList.isEmpty()) {
                    args.add("--models");
                    args.add(String.join(",", modelList));
                }
                int code = spec.commandLine().execute(args.toArray(new String[0]));
                if (code != 0) {
                    return code;
                }
                runs.add(mapper.readTree(part.toFile()));
            } finally {
                Files.deleteIfExists(part);
            }
        }
        Path target = jsonFile;
        Path temporary = Files.createTempFile(target.getParent(), ".bench", ".json");
        mapper.writeValue(temporary.toFile(), root);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.println("All figures written to " + target);
        return 0;
    }

    private int sub(String... args) {
        return spec.commandLine().execute(args);
    }

    private static boolean containsDayFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.anyMatch(p -> p.getFileName().toString().contains("station_5min"));
        }
    }
}
