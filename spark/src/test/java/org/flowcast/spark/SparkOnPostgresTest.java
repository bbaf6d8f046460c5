package org.flowcast.spark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.flowcast.core.Corridor;
import org.flowcast.core.Forecaster;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.Workspace;
import org.flowcast.model.ModelRegistry;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.SampleDistrict;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastRun;
import org.flowcast.store.ForecastRuns;
import org.flowcast.store.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job against a real PostgreSQL server (the throw-away one the app's tests start), the store a
 * cluster's executors would share: Spark's JDBC source reads it, the forecasts go back into it, and a
 * corridor's model is the one the same data gives on H2. Skipped, with the reason, where PostgreSQL's server
 * programs are not installed.
 */
class SparkOnPostgresTest {
    @TempDir
    static Path dir;
    static PostgresServer.Result postgres;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start();
        if (postgres.started()) {
            spark = SparkSession.builder().master("local[2,2]").appName("flowcast-postgres").config("spark.ui.enabled", false)
                    .config("spark.sql.shuffle.partitions", 2).getOrCreate();
        }
    }

    @AfterAll
    static void stop() {
        if (postgres != null && postgres.started()) {
            postgres.server().close();
        }
    }

    @Test
    void trainsAndForecastsEveryCorridorFromPostgresAsFromH2() throws Exception {
        assumeTrue(postgres.started(), postgres.problem());
        new SampleDistrict(new DistrictConfig(2, 4, 3, 9, LocalDate.of(2023, 2, 6))).writeTo(dir.resolve("files"));
        List<Path> files = InputFiles.expand(List.of(dir.resolve("files").toString()));
        List<Corridor> corridors;
        try (FlowcastDatabase pg = FlowcastDatabase.open(postgres.server().url());
             FlowcastDatabase h2 = FlowcastDatabase.open(dir.resolve("h2/flowcast"))) {
            new Ingester(pg, IngestOptions.defaults(), IngestListener.NONE).ingest(files);
            new Ingester(h2, IngestOptions.defaults(), IngestListener.NONE).ingest(files);
            corridors = CorridorCatalog.withoutCoverage(Workspace.of(pg), Optional.empty()).choose(List.of("all"));
            String h2Url = h2.url();
            new SparkCorridorJob(spark).run(new JobSettings(h2Url, "linear-ar", Map.of(), 12, 30, 42, 0.99, 0,
                    dir.resolve("from-h2").toUri().toString(),
                    false, null), corridors, 2);
        }
        List<CorridorOutcome> outcomes = new SparkCorridorJob(spark).run(new JobSettings(postgres.server().url(), "linear-ar", Map.of(), 12,
                30,
                42, 0.99, 0, dir.resolve("from-pg").toUri().toString(), true, null), corridors, 2);
        assertThat(outcomes).extracting(CorridorOutcome::corridor).containsExactly("5-N", "5-S");
        assertThat(outcomes).extracting(CorridorOutcome::status).containsOnly(CorridorOutcome.TRAINED);
        for (Corridor c : corridors) {
            String name = "linear-ar-h12-" + c.name() + ".fcm";
            Forecaster fromPostgres = ModelRegistry.load(dir.resolve("from-pg").resolve(name));
            Forecaster fromH2 = ModelRegistry.load(dir.resolve("from-h2").resolve(name));
            assertThat(fromPostgres.provenance().dataFingerprint()).isEqualTo(fromH2.provenance().dataFingerprint());
        }
        try (FlowcastDatabase pg = FlowcastDatabase.open(postgres.server().url())) {
            assertThat(new ForecastRuns(pg).runs()).extracting(ForecastRun::corridor).containsExactlyInAnyOrder("5-N", "5-S");
        }
    }
}
