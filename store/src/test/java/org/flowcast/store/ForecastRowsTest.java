package org.flowcast.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.flowcast.core.TimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forecasts and realised accuracy read as plain rows, and runs listed and deleted, on the H2 database of {@link ForecastFixture}. */
class ForecastRowsTest {

    @TempDir
    Path dir;

    @Test
    void aRunsRowsAreWhatTheStoreGivesBackForEachStationWhateverTheRunsLayout() throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"))) {
            ForecastFixture.Runs runs = ForecastFixture.write(db);
            for (long run : List.of(runs.calibrated(), runs.withBounds(), runs.live())) {
                List<ForecastRow> rows = new ArrayList<>();
                long count = new ForecastRows(db).run(run, rows::add);
                int origins = run == runs.live() ? ForecastFixture.LIVE_STEPS : ForecastFixture.ORIGINS;
                assertThat(count).isEqualTo(rows.size())
                        .isEqualTo((long) origins * ForecastFixture.STATIONS.size() * ForecastFixture.HORIZON);
                assertThat(rows).isEqualTo(ForecastFixture.storedRows(db, run));
            }
            assertThat(new ForecastRows(db).run(9999, row -> { })).as("a run that does not exist").isZero();
        }
    }

    @Test
    void theNewestLiveForecastsAreTheLiveRunsNewestOriginAsTheStoreDecodesIt() throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"))) {
            ForecastFixture.Runs runs = ForecastFixture.write(db);
            List<ForecastRow> latest = new ArrayList<>();
            new ForecastRows(db).latest("5-S", latest::add);
            Instant newest = ForecastFixture.origin(ForecastFixture.LIVE_STEPS - 1);
            List<ForecastRow> expected = ForecastFixture.storedRows(db, runs.live()).stream().filter(r -> r.origin().equals(newest))
                    .sorted(Comparator.comparingInt(ForecastRow::stationId).thenComparingInt(ForecastRow::step)).toList();
            assertThat(latest).isEqualTo(expected).isNotEmpty();
            assertThat(new ForecastRows(db).latest("5-N", row -> { })).as("5-N has no live run").isZero();
            assertThat(new ForecastRows(db).latest(null, row -> { })).isEqualTo(expected.size());
        }
    }

    @Test
    void accuracyRowsAreTheScoresSumsDividedAsTheViewSaysWithNaNWhereNothingWasScored() throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"))) {
            ForecastFixture.Runs runs = ForecastFixture.write(db);
            List<OriginStepAccuracy> rows = new ArrayList<>();
            new ForecastRows(db).accuracy(null, null, rows::add);
            assertThat(rows).hasSize(3).isEqualTo(ForecastFixture.accuracyRows(runs.live()));
            assertThat(rows.get(0).mae()).as("nothing scored").isNaN();
            assertThat(rows).filteredOn(r -> r.step() == 2).singleElement().satisfies(r -> assertThat(r.mape()).isNaN());

            List<OriginStepAccuracy> since = new ArrayList<>();
            new ForecastRows(db).accuracy("5-S", ForecastFixture.origin(2), since::add);
            assertThat(since).extracting(OriginStepAccuracy::target).containsOnly(ForecastFixture.origin(2)).hasSize(2);
            assertThat(new ForecastRows(db).accuracy("5-N", null, row -> { })).isZero();
        }
    }

    @Test
    void aSinkThatFailsEndsTheReadWithItsOwnFailure() throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"))) {
            ForecastFixture.Runs runs = ForecastFixture.write(db);
            assertThatThrownBy(() -> new ForecastRows(db).run(runs.calibrated(), row -> {
                throw new IOException("disk full");
            })).isInstanceOf(IOException.class).hasMessage("disk full");
        }
    }

    @Test
    void runsAreListedWithTheirLiveFlagAndTheOriginsTheyHold() throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"))) {
            ForecastFixture.Runs runs = ForecastFixture.write(db);
            List<RunSummary> summaries = new RunCatalog(db).summaries();
            assertThat(summaries).extracting(s -> s.run().id(), RunSummary::live, RunSummary::origins).containsExactly(
                    tuple(runs.calibrated(), false, ForecastFixture.ORIGINS),
                    tuple(runs.withBounds(), false, ForecastFixture.ORIGINS),
                    tuple(runs.live(), true, ForecastFixture.LIVE_STEPS));
            RunSummary live = summaries.get(2);
            assertThat(live.firstOrigin()).contains(ForecastFixture.T0);
            assertThat(live.lastOrigin()).contains(ForecastFixture.origin(ForecastFixture.LIVE_STEPS - 1));
            assertThat(summaries.get(1).lastOrigin()).contains(ForecastFixture.origin(ForecastFixture.ORIGINS - 1));
            assertThat(new ForecastRuns(db).runs().get(2).range()).as("a live run begun after the time of its data")
                    .isEqualTo(new TimeRange(ForecastFixture.T0, ForecastFixture.origin(ForecastFixture.LIVE_STEPS)));
        }
    }

    @Test
    void deletingRunsRemovesEverythingOfThemAndNothingElse() throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"))) {
            ForecastFixture.Runs runs = ForecastFixture.write(db);
            Map<String, Long> kept = ForecastFixture.rowsOf(db, runs.calibrated());
            assertThat(ForecastFixture.rowsOf(db, runs.live())).as("the live run has rows in").containsEntry("forecast_origin", 3L)
                    .containsEntry("forecast_score", 3L).containsEntry("forecast_latest", 9L).containsEntry("live_run", 1L);
            assertThat(ForecastFixture.rowsOf(db, runs.withBounds())).containsEntry("forecast", 12L);

            List<DeletedRun> deleted = new RunCatalog(db).delete(List.of(runs.live(), runs.withBounds()));
            assertThat(deleted).extracting(d -> d.run().id()).containsExactly(runs.live(), runs.withBounds());
            assertThat(deleted.get(0)).extracting(DeletedRun::live, DeletedRun::originRows, DeletedRun::scoreRows, DeletedRun::latestRows)
                    .containsExactly(true, 3L, 3L, 9L);
            assertThat(deleted.get(1).stationRows()).isEqualTo(12);
            for (long gone : List.of(runs.live(), runs.withBounds())) {
                assertThat(ForecastFixture.rowsOf(db, gone).values()).as("rows of run " + gone).containsOnly(0L);
            }
            assertThat(ForecastFixture.rowsOf(db, runs.calibrated())).isEqualTo(kept).containsEntry("forecast_origin", 4L)
                    .containsEntry("forecast_interval", 6L);
            assertThat(new ForecastRuns(db).runs()).extracting(ForecastRun::id).containsExactly(runs.calibrated());
            assertThat(new LiveRuns(db).all()).isEmpty();
        }
    }

    @Test
    void aDeletionNamingAnUnknownRunDeletesNothingAndNamesTheRunsThereAre() throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"))) {
            ForecastFixture.Runs runs = ForecastFixture.write(db);
            assertThatThrownBy(() -> new RunCatalog(db).delete(List.of(runs.live(), 4242L))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("no forecast run 4242").hasMessageContaining(runs.calibrated() + ", " + runs.withBounds());
            assertThat(new RunCatalog(db).summaries()).hasSize(3);
            assertThat(ForecastFixture.rowsOf(db, runs.live())).containsEntry("forecast_origin", 3L);
        }
    }
}
