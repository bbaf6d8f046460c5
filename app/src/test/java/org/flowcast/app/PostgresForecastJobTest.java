package org.flowcast.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.jobs.DemoService;
import org.flowcast.jobs.ForecastJob;
import org.flowcast.jobs.Workspace;
import org.flowcast.model.ModelRegistry;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastRun;
import org.flowcast.store.ForecastRuns;
import org.flowcast.store.PostgresServer;
import org.flowcast.store.StoredForecast;
import org.flowcast.store.StoredPart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same ingest, forecast job and reads on a real PostgreSQL server as on the H2 default: the demo's
 * sample and Conv-LSTM model give the same stored forecasts and attention in both databases. Skipped,
 * with the reason, where no PostgreSQL server programs are installed.
 */
class PostgresForecastJobTest {
    private static PostgresServer.Result postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null && postgres.started()) {
            postgres.server().close();
        }
    }

    @Test
    void forecastJobStoresTheSameForecastsAndAttentionAsOnH2() throws Exception {
        assumeTrue(postgres.started(), postgres.problem());
        Path model = DemoWorkdir.home().resolve("models/demo/at-conv-lstm-h" + DemoService.HORIZON + ".fcm");
        ForecastRun h2Run;
        try (FlowcastDatabase h2 = FlowcastDatabase.open(DemoWorkdir.database())) {
            h2Run = new ForecastRuns(h2).runs().stream().filter(r -> r.model().equals("at-conv-lstm")).findFirst().orElseThrow();
        }
        TimeRange lastDay = new TimeRange(h2Run.range().to().minus(Duration.ofDays(1)), h2Run.range().to());

        try (FlowcastDatabase pg = FlowcastDatabase.open(postgres.server().url())) {
            List<FileIngestResult> ingested = new Ingester(pg, IngestOptions.defaults(), IngestListener.NONE)
                    .ingest(InputFiles.expand(List.of(DemoWorkdir.home().resolve("sample").toString())));
            assertThat(ingested).noneMatch(r -> r.status().isFailure());

            ForecastJob job = new ForecastJob(Workspace.of(pg));
            job.run(model, ModelRegistry.load(model), lastDay, done -> { });
            ForecastJob.Outcome again = job.run(model, ModelRegistry.load(model), lastDay, done -> { });
            assertThat(again.origins()).isEqualTo(288);

            try (FlowcastDatabase h2 = FlowcastDatabase.open(DemoWorkdir.database())) {
                assertThat(new ForecastRuns(pg).runs()).singleElement().extracting(ForecastRun::id).isEqualTo(again.runId());
                for (int station : ModelRegistry.load(model).stationIds()) {
                    List<StoredForecast> fromPg = new ForecastRuns(pg).forecasts(again.runId(), station, lastDay);
                    List<StoredForecast> fromH2 = new ForecastRuns(h2).forecasts(h2Run.id(), station, lastDay);
                    assertThat(fromPg).hasSize(288 * DemoService.HORIZON).hasSameSizeAs(fromH2);
                    for (int i = 0; i < fromPg.size(); i++) {
                        assertThat(fromPg.get(i).origin()).isEqualTo(fromH2.get(i).origin());
                        assertThat(fromPg.get(i).value()).isCloseTo(fromH2.get(i).value(), within(1e-3f));
                        assertThat(fromPg.get(i).upper95()).isCloseTo(fromH2.get(i).upper95(), within(1e-3f));
                        assertThat(fromPg.get(i).lower80()).isCloseTo(fromH2.get(i).lower80(), within(1e-3f));
                    }
                    SortedMap<Instant, float[]> attention = new ForecastRuns(pg).attention(again.runId(), station, lastDay);
                    assertThat(attention).hasSize(288);
                    assertThat(attention.get(lastDay.from())).hasSize(12);
                    assertThat(new ForecastRuns(pg).parts(again.runId(), station, lastDay.from())).extracting(StoredPart::name)
                            .containsExactlyElementsOf(new ForecastRuns(h2).parts(h2Run.id(), station, lastDay.from()).stream()
                                    .map(StoredPart::name).toList()).isNotEmpty();
                }
            }
            DashboardSource source = new DashboardSource(Workspace.of(pg), null);
            assertThat(source.corridor(null, 28)).hasValueSatisfying(c -> assertThat(c.series().stationCount()).isEqualTo(5));
            assertThat(source.runs()).singleElement().extracting(r -> r.model()).isEqualTo("at-conv-lstm");
        }
    }
}
