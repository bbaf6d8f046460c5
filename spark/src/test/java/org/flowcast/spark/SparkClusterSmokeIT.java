package org.flowcast.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.SampleDistrict;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkClusterSmokeIT {
    @TempDir
    Path dir;

    @Test
    void smoke() throws Exception {
        PostgresServer.Result pg = PostgresServer.start();
        new SampleDistrict(new DistrictConfig(4, 4, 3, 7, LocalDate.of(2023, 2, 6))).writeTo(dir.resolve("files"));
        try (FlowcastDatabase db = FlowcastDatabase.open(pg.server().url())) {
            new Ingester(db, IngestOptions.defaults(),
                    IngestListener.NONE).ingest(InputFiles.expand(List.of(dir.resolve("files").toString())));
        }
        long t0 = System.nanoTime();
        try (StandaloneCluster cluster = StandaloneCluster.start(dir, 2, 2, "2g")) {
            System.out.println("cluster up in " + (System.nanoTime() - t0) / 1e9);
            String model = System.getProperty("model", "linear-ar");
            long t1 = System.nanoTime();
            ChildJvm submit = cluster.submit("submit", List.of("--master", cluster.masterUrl(), "--deploy-mode", "client", "--class",
                    "org.flowcast.spark.FlowcastSpark", "--conf", "spark.task.cpus=2", "--conf", "spark.executor.memory=1g",
                    "--conf", "spark.executorEnv.OMP_NUM_THREADS=1", "--conf", "spark.ui.enabled=false",
                    Path.of("target/flowcast-spark-assembly.jar").toAbsolutePath().toString(),
                    "--db", pg.server().url(), "--model", model, "--epochs", "1", "--models-dir", dir.resolve("models").toString(),
                    "--forecast-latest", "--backtest-dir", dir.resolve("bt").toString()), Map.of());
            int code = submit.waitFor(Duration.ofMinutes(10));
            System.out.println("submit " + code + " in " + (System.nanoTime() - t1) / 1e9 + "\n" + submit.output());
            System.out.println(cluster.logs());
            assertThat(code).isZero();
        } finally {
            pg.server().close();
        }
    }
}
