package org.flowcast.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The views other systems read, {@code forecast_values} and {@code forecast_accuracy}, and the decoded rows of a run,
 * on a real PostgreSQL server give what they give on H2 ({@link ForecastFixture} written to both), and a run is deleted
 * there as on H2. Skipped, with the reason, where no PostgreSQL server programs are installed.
 */
class PostgresForecastViewsTest {
    private static PostgresServer.Result postgres;

    @TempDir
    Path dir;

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
    void theViewsAndARunsRowsReadTheSameOnPostgresAsOnH2() throws Exception {
        assumeTrue(postgres.started(), postgres.problem());
        try (FlowcastDatabase h2 = FlowcastDatabase.open(dir.resolve("f"));
             FlowcastDatabase pg = FlowcastDatabase.open(postgres.server().url())) {
            ForecastFixture.Runs h2Runs = ForecastFixture.write(h2);
            ForecastFixture.Runs pgRuns = ForecastFixture.write(pg);

            List<ForecastRow> latest = new ArrayList<>();
            assertThat(new ForecastRows(pg).latest(null, latest::add)).isEqualTo(9);
            assertThat(latest).isEqualTo(withRun(rows(h2, null), pgRuns.live()));

            List<OriginStepAccuracy> accuracy = new ArrayList<>();
            new ForecastRows(pg).accuracy("5-S", null, accuracy::add);
            assertThat(accuracy).isEqualTo(ForecastFixture.accuracyRows(pgRuns.live()));
            assertThat(accuracy.get(0).mae()).as("NULL where nothing was scored").isNaN();

            for (long[] run : new long[][] {{h2Runs.calibrated(), pgRuns.calibrated()}, {h2Runs.live(), pgRuns.live()}}) {
                List<ForecastRow> fromPg = new ArrayList<>();
                new ForecastRows(pg).run(run[1], fromPg::add);
                assertThat(fromPg).isEqualTo(ForecastFixture.storedRows(pg, run[1]));
                List<ForecastRow> fromH2 = new ArrayList<>();
                new ForecastRows(h2).run(run[0], fromH2::add);
                assertThat(fromPg).isEqualTo(withRun(fromH2, run[1]));
            }

            new RunCatalog(pg).delete(List.of(pgRuns.live()));
            assertThat(ForecastFixture.rowsOf(pg, pgRuns.live()).values()).containsOnly(0L);
            assertThat(new ForecastRows(pg).latest(null, row -> { })).isZero();
            assertThat(new RunCatalog(pg).summaries()).hasSize(2);
        }
    }

    private static List<ForecastRow> rows(FlowcastDatabase db, String corridor) throws StoreException {
        List<ForecastRow> rows = new ArrayList<>();
        new ForecastRows(db).latest(corridor, rows::add);
        return rows;
    }

    /** The rows with another run id (the same run written to another database). */
    private static List<ForecastRow> withRun(List<ForecastRow> rows, long runId) {
        return rows.stream().map(r -> new ForecastRow(runId, r.corridor(), r.model(), r.stationId(), r.origin(), r.step(), r.target(),
                r.flow(), r.lower80(), r.upper80(), r.lower95(), r.upper95())).toList();
    }
}
