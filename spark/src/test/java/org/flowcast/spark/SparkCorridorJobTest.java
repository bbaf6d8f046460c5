package org.flowcast.spark;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.spark.sql.SparkSession;
import org.flowcast.core.Corridor;
import org.flowcast.core.Forecaster;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.EvaluateService;
import org.flowcast.jobs.ModelFiles;
import org.flowcast.jobs.SeriesReader;
import org.flowcast.jobs.SeriesRequest;
import org.flowcast.jobs.TrainService;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.jobs.Workspace;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.SampleDistrict;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastRun;
import org.flowcast.store.ForecastRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode (two task slots, two attempts) on a simulated district of 3 corridors x 5
 * stations x 3 weeks in an H2 store, which Spark's JDBC source reads in the same JVM.
 */
class SparkCorridorJobTest {
    @TempDir
    static Path dir;
    static Path database;
    static String url;
    static List<Corridor> corridors;
    static SparkSession spark;

    @BeforeAll
    static void districtAndSpark() throws Exception {
        new SampleDistrict(new DistrictConfig(3, 5, 3, 7, LocalDate.of(2023, 2, 6))).writeTo(dir.resolve("files"));
        database = dir.resolve("db/flowcast");
        try (FlowcastDatabase db = FlowcastDatabase.open(database)) {
            new Ingester(db, IngestOptions.defaults(),
                    IngestListener.NONE).ingest(InputFiles.expand(List.of(dir.resolve("files").toString())));
            url = db.url();
            corridors = CorridorCatalog.withoutCoverage(Workspace.of(db), Optional.empty()).choose(List.of("all"));
        }
        spark = SparkSession.builder().master("local[2,2]").appName("flowcast-test").config("spark.ui.enabled", false)
                .config("spark.sql.shuffle.partitions", 3).getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The settings {@code flowcast train} takes by default, with the epochs given. */
    private static TrainingSettings training(int epochs) {
        return new TrainingSettings(12, epochs, 42, 0.99, OptionalInt.empty(), Map.of());
    }

    /** What {@code flowcast train --corridor NAME} runs: the same services, settings and file name. */
    private static Path trainLikeFlowcastTrain(String model, int epochs, String corridorName, Path folder) throws Exception {
        try (Workspace workspace = Workspace.open(database.toString())) {
            Corridor corridor = CorridorCatalog.withoutCoverage(workspace, Optional.empty()).choose(List.of(corridorName)).get(0);
            TrainService service = new TrainService();
            Path file = ModelFiles.corridorFile(folder, model, 12, corridorName);
            TrainService.Plan plan = service.plan(new TrainService.Request(model, Map.of(), training(epochs).config(),
                    EvaluationProtocol.of(12), file, false, false), TrainingListener.NONE);
            service.train(plan, SeriesReader.read(workspace, SeriesRequest.everything(), corridor), split -> { });
            return file;
        }
    }

    private static JobSettings settings(String model, int epochs, Path models, boolean forecast) {
        return JobSettings.of(url, model, training(epochs), models.toUri().toString(), forecast, null);
    }

    @Test
    void trainsEveryCorridorAsATaskAndWritesItsNewestForecastsWhereTheDashboardReadsThem() throws Exception {
        Path models = dir.resolve("all");
        List<CorridorOutcome> outcomes = new SparkCorridorJob(spark).run(settings("linear-ar", 30, models, true), corridors, 2);
        assertThat(outcomes).extracting(CorridorOutcome::corridor).containsExactly("5-N", "5-S", "22-E");
        assertThat(outcomes).extracting(CorridorOutcome::status).containsOnly(CorridorOutcome.TRAINED);
        for (Corridor c : corridors) {
            Forecaster model = ModelRegistry.load(models.resolve("linear-ar-h12-" + c.name() + ".fcm"));
            assertThat(model.provenance().corridor()).isEqualTo(c.name());
            assertThat(model.stationIds()).isEqualTo(c.stationIds());
        }
        try (FlowcastDatabase db = FlowcastDatabase.open(database)) {
            List<ForecastRun> runs = new ForecastRuns(db).runs();
            assertThat(runs).extracting(ForecastRun::corridor).contains("5-N", "5-S", "22-E");
            for (ForecastRun run : runs) {
                // #38: the run named the task's temporary copy, deleted once the task ended
                assertThat(run.modelFile()).as("the model file run " + run.id() + " records")
                        .isEqualTo(models.resolve("linear-ar-h12-" + run.corridor() + ".fcm").toString());
                assertThat(Path.of(run.modelFile())).exists();
            }
        }

        List<CorridorOutcome> again = new SparkCorridorJob(spark).run(settings("linear-ar", 30, models, false), corridors, 2);
        assertThat(again).as("a rerun over the same data and settings").extracting(CorridorOutcome::status)
                .containsOnly(CorridorOutcome.UP_TO_DATE);
    }

    @Test
    void aCorridorModelTrainedOnSparkIsBitForBitTheOneFlowcastTrainMakes() throws Exception {
        Path spark = dir.resolve("spark-made");
        Path local = dir.resolve("train-made");
        List<Corridor> one = corridors.subList(0, 1);
        for (String model : List.of("linear-ar", "at-conv-lstm")) {
            assertThat(new SparkCorridorJob(SparkCorridorJobTest.spark).run(settings(model, 2, spark, false), one, 2))
                    .extracting(CorridorOutcome::status).containsOnly(CorridorOutcome.TRAINED);
            trainLikeFlowcastTrain(model, 2, "5-N", local);
            String name = model + "-h12-5-N.fcm";
            assertThat(entries(spark.resolve(name))).as(model + ": every array of the model file").isEqualTo(entries(local.resolve(name)));
            Forecaster a = ModelRegistry.load(spark.resolve(name));
            Forecaster b = ModelRegistry.load(local.resolve(name));
            assertThat(a.provenance().dataFingerprint()).isEqualTo(b.provenance().dataFingerprint());
            assertThat(a.provenance().config()).isEqualTo(b.provenance().config());
        }
    }

    @Test
    void aBackTestGivesEachCorridorTheReportAndFiguresOfFlowcastEvaluateAndGathersThem() throws Exception {
        Path reports = dir.resolve("backtest");
        JobSettings backtest = JobSettings.of(url, "linear-ar", training(30), dir.resolve("bt-models").toUri().toString(), false,
                reports.toUri().toString());
        List<CorridorOutcome> outcomes = new SparkCorridorJob(spark).run(backtest, corridors.subList(0, 2), 2);
        assertThat(outcomes).allMatch(CorridorOutcome::backtested);
        DistrictReport.write(backtest.reportsFolder(), "linear-ar", outcomes);
        assertThat(reports.resolve("5-N/report.html")).exists();
        assertThat(Files.readAllLines(reports.resolve("district.csv"))).hasSize(1 + 2);
        assertThat(Files.readString(reports.resolve("district.md"))).contains("| 5-N | 5 |", "| 5-S | 5 |");

        double mae;
        try (Workspace workspace = Workspace.open(database.toString())) {
            // what 'flowcast evaluate --corridor 5-N --models linear-ar' runs
            Corridor corridor = CorridorCatalog.withoutCoverage(workspace, Optional.empty()).choose(List.of("5-N")).get(0);
            EvaluationSummary summary = new EvaluateService(name -> TrainingListener.NONE, line -> { }).onSplit(new EvaluateService.Request(
                    "5-N", SeriesReader.read(workspace, SeriesRequest.everything(), corridor), List.of("linear-ar"), Map.of(),
                    training(30).config(), EvaluationProtocol.of(12)));
            mae = summary.models().get(0).maeAverage();
        }
        assertThat(outcomes.get(0).mae()[CorridorOutcome.STEPS.length]).as("the average MAE flowcast evaluate reports").isEqualTo(mae);
    }

    @Test
    void aCorridorWithoutDataFailsAloneAfterItsAttemptsAndTheOthersAreTrained() {
        List<Corridor> withGhost = new ArrayList<>(corridors.subList(1, 3));
        withGhost.add(1, new Corridor("ghost", List.of(1, 2), Corridor.Source.FILE));
        List<CorridorOutcome> outcomes = new SparkCorridorJob(spark).run(settings("persistence", 1, dir.resolve("ghost"), false), withGhost,
                2);
        assertThat(outcomes).extracting(CorridorOutcome::corridor).containsExactly("5-S", "ghost", "22-E");
        assertThat(outcomes.get(1).failed()).isTrue();
        assertThat(outcomes.get(1).account()).contains("no stored reading");
        assertThat(List.of(outcomes.get(0), outcomes.get(2))).extracting(CorridorOutcome::status).containsOnly(CorridorOutcome.TRAINED);
    }

    /**
     * A model file's entries by name, as Base64 of their bytes; the manifest (which records when and on which
     * machine) and the checksum over it left out.
     */
    static Map<String, String> entries(Path file) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.getName().equals("manifest.json") && !e.getName().equals("checksum")) {
                    out.put(e.getName(), Base64.getEncoder().encodeToString(zip.getInputStream(e).readAllBytes()));
                }
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }
}
