package org.flowcast.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.flowcast.spark.SparkCorridorJobTest.entries;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowcast.core.Corridor;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.ModelFiles;
import org.flowcast.jobs.SeriesReader;
import org.flowcast.jobs.SeriesRequest;
import org.flowcast.jobs.TrainService;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.jobs.Workspace;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.SampleDistrict;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastRun;
import org.flowcast.store.ForecastRuns;
import org.flowcast.store.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowcast-spark} on a Spark standalone cluster of separate JVMs on loopback: a master, two workers of 2 cores
 * and 2 GiB (each starting its executor as a JVM of its own), {@code spark-submit} in client mode with the assembled
 * jar as the application, and the throw-away PostgreSQL server as the store, on a simulated district of 3 corridors
 * x 4 stations x 3 weeks, with linear AR and a 1-epoch Conv-LSTM. Takes minutes: run by {@code .ci/run} on its own
 * after the assembly is built, or by the {@code cluster} profile (see docs/district-and-spark.md); skipped, with the
 * reason, where PostgreSQL's server programs or the assembled jar are missing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterIT {
    private static final Path ASSEMBLY = Path.of("target/flowcast-spark-assembly.jar").toAbsolutePath();
    private static final Duration JOB = Duration.ofMinutes(10);
    private static final String LINEAR = "linear-ar";
    private static final String CONV_LSTM = "at-conv-lstm";

    @TempDir
    static Path dir;
    static PostgresServer.Result postgres;
    static StandaloneCluster cluster;
    static List<Corridor> corridors;

    @BeforeAll
    static void districtPostgresAndCluster() throws Exception {
        assumeTrue(Files.isRegularFile(ASSEMBLY), ASSEMBLY + " is missing: build it first with "
                + "'./mvnw -pl spark -am -Passembly -DskipTests install'");
        postgres = PostgresServer.start();
        assumeTrue(postgres.started(), postgres.problem());
        new SampleDistrict(new DistrictConfig(3, 4, 3, 7, LocalDate.of(2023, 2, 6))).writeTo(dir.resolve("files"));
        try (FlowcastDatabase db = FlowcastDatabase.open(postgres.server().url())) {
            new Ingester(db, IngestOptions.defaults(), IngestListener.NONE).ingest(InputFiles.expand(List.of(dir.resolve("files")
                    .toString())));
            corridors = CorridorCatalog.withoutCoverage(Workspace.of(db), Optional.empty()).choose(List.of("all"));
        }
        cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, 2, "2g");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (postgres != null && postgres.started()) {
            postgres.server().close();
        }
    }

    @Test
    @Order(1)
    void trainsBackTestsAndForecastsEveryCorridorOnTheClusterAsFlowcastTrainDoes() throws Exception {
        Path models = dir.resolve("undisturbed");
        ChildJvm driver = submit("undisturbed", cluster.masterUrl(), models, "--backtest-dir", dir.resolve("backtest").toString());
        int code = finish(driver);
        assertThat(code).as(driver.output() + cluster.logs()).isZero();
        assertThat(driver.output()).contains("3 of 3 corridors done");

        for (Corridor c : corridors) {
            Path fromCluster = models.resolve(fileName(c));
            Path fromTrain = trainLikeFlowcastTrain(c, dir.resolve("flowcast-train"));
            assertThat(entries(fromCluster)).as(c.name() + ": every array of the model file").isEqualTo(entries(fromTrain));
        }
        assertThat(runsPerCorridor(models)).as("forecast runs of the cluster's model files")
                .containsOnlyKeys(corridors.stream().map(Corridor::name).toArray(String[]::new)).allSatisfy((c, n) ->
                        assertThat(n).as(c).isEqualTo(1));
        assertThat(Files.readAllLines(dir.resolve("backtest/district.csv"))).hasSize(1 + corridors.size());

        Path local = dir.resolve("local-mode");
        ChildJvm localDriver = submit("local-mode", "local[2]", local, "--backtest-dir", dir.resolve("backtest-local").toString());
        assertThat(finish(localDriver)).as(localDriver.output()).isZero();
        for (Corridor c : corridors) {
            assertThat(entries(local.resolve(fileName(c)))).as(c.name() + ": local mode's model file")
                    .isEqualTo(entries(models.resolve(fileName(c))));
        }
    }

    @Test
    @Order(2)
    void aWorkerKilledWhileItsTaskRunsLosesNoCorridorAndWritesNothingTwice() throws Exception {
        Path models = dir.resolve("worker-killed");
        // with a back-test each task runs for seconds, not one: time to be killed in
        ChildJvm driver = submit("worker-killed", cluster.masterUrl(), models, "--backtest-dir", dir.resolve("backtest-killed").toString());
        // whichever worker first runs a corridor's task (Spark chooses) is the one to lose
        Optional<String> running = Optional.empty();
        int lost = -1;
        while (running.isEmpty() && driver.isAlive()) {
            for (int i = 0; i < 2 && running.isEmpty(); i++) {
                running = runningCorridor(cluster.executorTemp(i));
                lost = i;
            }
            if (running.isEmpty()) {
                Thread.sleep(20);
            }
        }
        if (running.isEmpty()) {
            fail("no worker ran a corridor before the job ended:\n" + driver.output() + cluster.logs());
        }
        cluster.killWorker(lost);
        // a task that ended deletes its scratch folder: one still there was cut short by the kill
        assertThat(runningCorridor(cluster.executorTemp(lost))).as("the corridor task worker " + lost + " was running when killed")
                .contains(running.get());
        int code = finish(driver);
        assertThat(code).as(driver.output() + cluster.logs()).isZero();
        assertThat(driver.output()).contains("3 of 3 corridors done");
        assertThat(driver.output()).as("the corridor the lost worker ran, done on the other")
                .containsPattern("\\| " + Pattern.quote(running.get()) + " +\\| +4 \\| trained ");

        try (Stream<Path> files = Files.list(models)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".fcm")).sorted())
                    .as("model files").containsExactlyInAnyOrderElementsOf(corridors.stream().map(SparkClusterIT::fileName).toList());
        }
        for (Corridor c : corridors) {
            assertThat(entries(models.resolve(fileName(c)))).as(c.name() + ": the model of an undisturbed run")
                    .isEqualTo(entries(dir.resolve("undisturbed").resolve(fileName(c))));
        }
        assertThat(runsPerCorridor(models)).as("forecast runs of the model files of the run that lost a worker")
                .containsOnlyKeys(corridors.stream().map(Corridor::name).toArray(String[]::new)).allSatisfy((c, n) ->
                        assertThat(n).as(c).isEqualTo(1));
    }

    @Test
    @Order(3)
    void aOneEpochConvLstmTrainedOnTheClusterIsTheModelFlowcastTrainMakes() throws Exception {
        Path models = dir.resolve("conv-lstm");
        ChildJvm driver = submit("conv-lstm", cluster.masterUrl(), CONV_LSTM, models);
        int code = finish(driver);
        assertThat(code).as(driver.output() + cluster.logs()).isZero();
        assertThat(driver.output()).contains("3 of 3 corridors done");
        for (Corridor c : corridors) {
            Path fromTrain = trainLikeFlowcastTrain(CONV_LSTM, c, dir.resolve("flowcast-train-conv-lstm"));
            assertThat(entries(models.resolve(fileName(CONV_LSTM, c)))).as(c.name() + ": every weight of the Conv-LSTM's file")
                    .isEqualTo(entries(fromTrain));
        }
        assertThat(runsPerCorridor(models)).as("forecast runs of the cluster's Conv-LSTM files")
                .containsOnlyKeys(corridors.stream().map(Corridor::name).toArray(String[]::new)).allSatisfy((c, n) ->
                        assertThat(n).as(c).isEqualTo(1));
    }

    /**
     * spark-submit as a user runs it against the cluster (the driver in a JVM of its own, the executors on the
     * workers) or in local mode.
     */
    private static ChildJvm submit(String name, String master, Path models, String... more) throws IOException {
        return submit(name, master, LINEAR, models, more);
    }

    private static ChildJvm submit(String name, String master, String model, Path models, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--master", master, "--deploy-mode", "client",
                "--class", "org.flowcast.spark.FlowcastSpark", "--conf", "spark.task.cpus=2", "--executor-memory", "1g",
                "--conf", "spark.executorEnv.OMP_NUM_THREADS=1", "--conf", "spark.ui.enabled=false",
                ASSEMBLY.toString(),
                "--db", postgres.server().url(), "--model", model, "--epochs", "1", "--models-dir", models.toString(),
                "--forecast-latest"));
        args.addAll(List.of(more));
        return cluster.submit(name, args, Map.of());
    }

    /**
     * Waits for a driver to end and returns its exit code; its wall time and the job's closing line ("3 of 3 corridors
     * done in 41.2 s.") go to the test's output, as a measurement.
     */
    private static int finish(ChildJvm driver) throws Exception {
        int code = driver.waitFor(JOB);
        String last = driver.output().lines().filter(l -> l.contains("corridors done in")).reduce((a, b) -> b).orElse("(no closing line)");
        System.out.printf(Locale.ROOT, "%s: spark-submit exited %d after %.1f s wall; %s%n", driver.name(), code, driver.seconds(), last);
        return code;
    }

    /** The corridor whose task has its scratch folder in an executor's temporary folder now, if any. */
    private static Optional<String> runningCorridor(Path executorTemp) throws IOException {
        if (!Files.isDirectory(executorTemp)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(executorTemp)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            return corridors.stream().map(Corridor::name).filter(c -> names.stream().anyMatch(n -> n.startsWith("flowcast-spark-" + c)))
                    .findFirst();
        }
    }

    /** How many forecast runs record a model file of this folder, by corridor. */
    private static Map<String, Integer> runsPerCorridor(Path models) throws Exception {
        Map<String, Integer> out = new TreeMap<>();
        try (FlowcastDatabase db = FlowcastDatabase.open(postgres.server().url())) {
            for (ForecastRun run : new ForecastRuns(db).runs()) {
                if (Path.of(run.modelFile()).startsWith(models)) {
                    out.merge(run.corridor(), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private static String fileName(Corridor c) {
        return fileName(LINEAR, c);
    }

    private static String fileName(String model, Corridor c) {
        return ModelFiles.corridorFileName(model, 12, c.name());
    }

    private static Path trainLikeFlowcastTrain(Corridor c, Path folder) throws Exception {
        return trainLikeFlowcastTrain(LINEAR, c, folder);
    }

    /** What {@code flowcast train --corridor NAME --model MODEL --epochs 1} runs on the same store. */
    private static Path trainLikeFlowcastTrain(String model, Corridor c, Path folder) throws Exception {
        try (Workspace workspace = Workspace.open(postgres.server().url())) {
            TrainService service = new TrainService();
            Path file = ModelFiles.corridorFile(folder, model, 12, c.name());
            TrainingSettings training = new TrainingSettings(12, 1, 42, 0.99, OptionalInt.empty(), Map.of());
            TrainService.Plan plan = service.plan(new TrainService.Request(model, Map.of(), training.config(),
                    EvaluationProtocol.of(12), file, false, false), TrainingListener.NONE);
            service.train(plan, SeriesReader.read(workspace, SeriesRequest.everything(), c), split -> { });
            return file;
        }
    }
}
