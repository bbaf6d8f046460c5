package org.flowcast.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.spark.sql.SparkSession;
import org.flowcast.app.cli.FlowcastCommand;
import org.flowcast.app.service.CorridorCatalog;
import org.flowcast.core.Corridor;
import org.flowcast.core.Forecaster;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.ForecastStore;
import org.flowcast.model.ModelRegistry;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.SampleDistrict;
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
            new Ingester(db, IngestOptions.defaults(), IngestListener.NONE).ingest(InputFiles.expand(List.of(dir.resolve("files").toString())));
            url = db.url();
            corridors = CorridorCatalog.withoutCoverage(db, Optional.empty()).choose(List.of("all"));
        }
        spark = SparkSession.builder().master("local[2,2]").appName("flowcast-test").config("spark.ui.enabled", false)
                .config("spark.sql.shuffle.partitions", 3).getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static JobSettings settings(String model, int epochs, Path models, boolean forecast) {
        return new JobSettings(url, model, Map.of(), 12, epochs, 42, models.toUri().toString(), forecast, null);
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
        try (FlowcastDatabase db = FlowcastDatabase.open(database); java.sql.Connection c = db.connect()) {
            assertThat(new ForecastStore().runs(c)).extracting(ForecastStore.Run::corridor).contains("5-N", "5-S", "22-E");
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
            int code = FlowcastCommand.run(new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(System.err, true),
                    "train", "--db", database.toString(), "--corridor", "5-N", "--model", model, "--epochs", "2", "--out", local.toString());
            assertThat(code).isZero();
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
        JobSettings backtest = new JobSettings(url, "linear-ar", Map.of(), 12, 30, 42, dir.resolve("bt-models").toUri().toString(), false,
                reports.toUri().toString());
        List<CorridorOutcome> outcomes = new SparkCorridorJob(spark).run(backtest, corridors.subList(0, 2), 2);
        assertThat(outcomes).allMatch(CorridorOutcome::backtested);
        DistrictReport.write(backtest.reportsFolder(), "linear-ar", outcomes);
        assertThat(reports.resolve("5-N/report.html")).exists();
        assertThat(Files.readAllLines(reports.resolve("district.csv"))).hasSize(1 + 2);
        assertThat(Files.readString(reports.resolve("district.md"))).contains("| 5-N | 5 |", "| 5-S | 5 |");

        Path evaluated = dir.resolve("evaluated");
        int code = FlowcastCommand.run(new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(System.err, true),
                "evaluate", "--db", database.toString(), "--corridor", "5-N", "--models", "linear-ar", "--out", evaluated.toString());
        assertThat(code).isZero();
        double mae = org.flowcast.reports.ReportWriter.readRun(evaluated.resolve("5-N")).models().get(0).maeAverage();
        assertThat(outcomes.get(0).mae()[CorridorOutcome.STEPS.length]).as("the average MAE flowcast evaluate reports").isEqualTo(mae);
    }

    @Test
    void aCorridorWithoutDataFailsAloneAfterItsAttemptsAndTheOthersAreTrained() {
        List<Corridor> withGhost = new java.util.ArrayList<>(corridors.subList(1, 3));
        withGhost.add(1, new Corridor("ghost", List.of(1, 2), Corridor.Source.FILE));
        List<CorridorOutcome> outcomes = new SparkCorridorJob(spark).run(settings("persistence", 1, dir.resolve("ghost"), false), withGhost, 2);
        assertThat(outcomes).extracting(CorridorOutcome::corridor).containsExactly("5-S", "ghost", "22-E");
        assertThat(outcomes.get(1).failed()).isTrue();
        assertThat(outcomes.get(1).account()).contains("no stored reading");
        assertThat(List.of(outcomes.get(0), outcomes.get(2))).extracting(CorridorOutcome::status).containsOnly(CorridorOutcome.TRAINED);
    }

    /**
     * A model file's entries by name, as Base64 of their bytes; the manifest (which records when and on which
     * machine) and the checksum over it left out.
     */
    private static Map<String, String> entries(Path file) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (!e.getName().equals("manifest.json") && !e.getName().equals("checksum")) {
                    out.put(e.getName(), java.util.Base64.getEncoder().encodeToString(zip.getInputStream(e).readAllBytes()));
                }
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }
}
