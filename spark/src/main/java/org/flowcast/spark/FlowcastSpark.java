package org.flowcast.spark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.flowcast.core.Corridor;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.ModelFiles;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.Tables;
import org.flowcast.jobs.cli.TrainingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowcast-spark train}: trains one model per corridor on Spark (and writes each corridor's newest
 * forecasts with {@code --forecast-latest}), with {@code spark-submit} against a cluster or {@code --master
 * local[2]} on one machine. Options parse, one job runs, a table prints.
 */
@Command(name = "flowcast-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains one model per corridor on Apache Spark: the stored days are read with Spark's JDBC source, "
                + "each corridor is one task running the trainer of 'flowcast train', model files go to any Hadoop path, and "
                + "--forecast-latest writes each corridor's newest forecasts into the tables the dashboard reads. Corridors "
                + "whose model files were made from the same data and settings are skipped. Give each task the model's two "
                + "threads: spark.task.cpus=2."},
        footer = {"", "Examples:", "  flowcast-spark --master 'local[2]' --db ~/.flowcast/flowcast --model linear-ar",
            // picocli wraps a footer line past 80 columns: each line of the example fits
            "  spark-submit --master spark://head:7077 --conf spark.task.cpus=2 \\",
            "      --conf spark.executorEnv.PGPASSFILE=/etc/flowcast/pgpass \\",
            "      --class org.flowcast.spark.FlowcastSpark flowcast-spark-assembly.jar \\",
            "      --db 'jdbc:postgresql://db:5432/flowcast?user=u' \\",
            "      --models-dir hdfs:///flowcast/models --model at-conv-lstm"})
public final class FlowcastSpark implements Callable<Integer> {
    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not given by spark-submit, e.g. local[2] "
            + "(default: spark-submit's, else local[2,2]: two task slots, two attempts per task).")
    String master;

    @Option(names = "--db", required = true, paramLabel = "PATH|URL", description = "The store: an H2 file path (local mode) or a "
            + "jdbc:postgresql: URL every executor can reach, its password in ~/.pgpass or the file $PGPASSFILE names on the driver "
            + "and every executor rather than on the command line.")
    String database;

    @Option(names = "--corridor", split = ",", defaultValue = "all", paramLabel = "NAME", description = "Corridors (default: all).")
    List<String> corridors;

    @Option(names = "--corridors", paramLabel = "FILE", description = "A corridor file, as for 'flowcast train'.")
    Path corridorFile;

    @Option(names = "--model", required = true, description = "Model name; 'flowcast models' lists them.")
    String model;

    @Mixin
    TrainingOptions training;

    @Option(names = "--models-dir", paramLabel = "PATH", description = "Where model files go: a local folder or any Hadoop path, "
            + "e.g. hdfs:///flowcast/models (default: the database's own models folder in Flowcast's home, where 'flowcast forecast "
            + "--corridor' looks for them).")
    String modelsFolder;

    @Option(names = "--forecast-latest", description = "Also write each corridor's newest forecasts to the store.")
    boolean forecastLatest;

    @Option(names = "--backtest-dir", paramLabel = "PATH", description = "Also back-test each corridor's model with the protocol of "
            + "'flowcast evaluate': its report folder goes to PATH/<corridor>, and district.csv/.md/.html gather every corridor's "
            + "accuracy (a local folder or any Hadoop path).")
    String backtestFolder;

    @Option(names = "--partitions", defaultValue = "8", description = "Parallel JDBC reads of the stored days (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", description = "Keep Spark's and Flyway's log output, and show the stack trace of an error.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Parses and runs a command line; returns the exit code (1 where the job or a corridor failed). */
    static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** {@link #run(String...)} with the given output streams (tests capture them). */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new FlowcastSpark()).setOut(out).setErr(err).setExecutionExceptionHandler(new SparkFailures())
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        TrainingSettings settings = training.checkedFor(List.of(model));
        PrintWriter out = spec.commandLine().getOut();
        String url;
        List<Corridor> chosen;
        try (Workspace workspace = Workspace.openExisting(database)) {
            url = workspace.database().url();
            CorridorCatalog catalog = CorridorCatalog.withoutCoverage(workspace, Optional.ofNullable(corridorFile));
            catalog.warnings().forEach(w -> spec.commandLine().getErr().println("flowcast-spark: warning: " + w));
            chosen = catalog.choose(corridors);
        } catch (JobException e) {
            spec.commandLine().getErr().println("flowcast-spark: " + e.getMessage());
            return 1;
        }
        String folder = absolute(modelsFolder != null ? modelsFolder : ModelFiles.folderFor(database).toString());
        JobSettings job = JobSettings.of(url, model, settings, folder, forecastLatest, backtestFolder == null ? null
                : absolute(backtestFolder));
        SparkSession.Builder builder = SparkSession.builder().appName("flowcast " + model + " x " + chosen.size() + " corridors");
        if (master != null) {
            builder.master(master);
        } else if (!System.getProperties().containsKey("spark.master")) {
            builder.master("local[2,2]");
        }
        if (isLocal(master != null ? master : System.getProperty("spark.master", "local"))) {
            // one machine: no web UI on every interface, and the driver on loopback (no hostname guess, no warning)
            builder.config("spark.ui.enabled", verbose).config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1");
        }
        logLevels(verbose);
        long began = System.nanoTime();
        List<CorridorOutcome> outcomes;
        try (SparkSession spark = builder.getOrCreate()) {
            logLevels(verbose);
            outcomes = new SparkCorridorJob(spark).run(job, chosen, partitions);
        }
        out.println(summary(outcomes));
        if (job.backtest() && outcomes.stream().anyMatch(CorridorOutcome::backtested)) {
            out.println(DistrictReport.write(job.reportsFolder(), model, outcomes));
            out.println("Back-test: " + job.reportsFolder() + "/district.html (and .md, .csv; each corridor's report below it)");
        }
        long failed = outcomes.stream().filter(CorridorOutcome::failed).count();
        out.printf(Locale.ROOT, "%d of %d corridors done in %.1f s%s%n", outcomes.size() - failed, outcomes.size(),
                (System.nanoTime() - began) / 1e9, failed == 0 ? "." : "; " + failed + " failed (see above).");
        return failed == 0 ? 0 : 1;
    }

    private static boolean isLocal(String master) {
        return master.startsWith("local");
    }

    /**
     * With {@code --verbose}, Spark's log at INFO; without, at ERROR (this module's log4j2.properties, read before Spark
     * starts), and off for what reports a failed task with its stack trace, and for Flyway: the job reports each
     * corridor's failure in its table, and its own in a sentence. Set before the session starts and again once it is
     * up, where a log configuration of the cluster's replaced this module's.
     */
    private static void logLevels(boolean verbose) {
        if (verbose) {
            Configurator.setRootLevel(Level.INFO);
            return;
        }
        Configurator.setRootLevel(Level.ERROR);
        for (String noisy : new String[] {"org.apache.spark.executor.Executor", "org.apache.spark.scheduler.TaskSetManager",
            "org.apache.spark.scheduler.TaskSchedulerImpl", "org.flywaydb"}) {
            Configurator.setLevel(noisy, Level.OFF);
        }
    }

    /** A path with a scheme (hdfs://, s3a://, file:) as given; a plain one as an absolute local file URI. */
    static String absolute(String path) {
        return path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") ? path : Path.of(path).toAbsolutePath().toUri().toString();
    }

    static String summary(List<CorridorOutcome> outcomes) {
        List<List<String>> rows = new ArrayList<>();
        for (CorridorOutcome o : outcomes) {
            rows.add(List.of(o.corridor(), String.valueOf(o.stations()), o.status(), String.format(Locale.ROOT, "%.1f", o.seconds()),
                    o.account()));
        }
        return Tables.render(List.of("corridor", "stations", "status", "seconds", "result"), rows);
    }
}
