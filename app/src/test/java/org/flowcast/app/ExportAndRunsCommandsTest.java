package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.ForecastFixture;
import org.flowcast.store.ForecastRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowcast export} and {@code flowcast runs} on the small database of {@link ForecastFixture}: a calibrated run of
 * 5-N, a run of no corridor with bounds on its rows, and the live run of 5-S with its scores.
 */
class ExportAndRunsCommandsTest {
    @TempDir
    Path dir;

    private Path database;
    private ForecastFixture.Runs runs;

    @BeforeEach
    void writeTheFixture() throws Exception {
        database = dir.resolve("db/flowcast");
        try (FlowcastDatabase db = FlowcastDatabase.open(database)) {
            runs = ForecastFixture.write(db);
        }
    }

    private Result flowcast(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of("--db", database.toString()));
        return FlowcastCommandTest.run(all.toArray(String[]::new));
    }

    @Test
    void aRunExportedAsCsvToStandardOutputReadsBackAsTheStoreGivesIt() throws Exception {
        Result result = flowcast("export", "--run", String.valueOf(runs.calibrated()));
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<ForecastRow> read = new ArrayList<>();
        CSVFormat csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        for (CSVRecord r : csv.parse(new StringReader(result.out()))) {
            read.add(new ForecastRow(Long.parseLong(r.get("run_id")), r.get("corridor"), r.get("model"),
                    Integer.parseInt(r.get("station_id")), Instant.parse(r.get("origin_ts")), Integer.parseInt(r.get("step")),
                    Instant.parse(r.get("target_ts")),
                    Float.parseFloat(r.get("flow")), Float.parseFloat(r.get("lower80")), Float.parseFloat(r.get("upper80")),
                    Float.parseFloat(r.get("lower95")), Float.parseFloat(r.get("upper95"))));
        }
        try (FlowcastDatabase db = FlowcastDatabase.open(database)) {
            assertThat(read).isEqualTo(ForecastFixture.storedRows(db, runs.calibrated())).hasSize(36);
        }
        assertThat(result.out()).startsWith("corridor,model,run_id,station_id,origin_ts,origin_pacific,target_ts,target_pacific,step,"
                + "flow,lower80,upper80,lower95,upper95\n")
                .contains(",2023-04-13T14:30:00Z,2023-04-13T07:30:00,2023-04-13T14:35:00Z,2023-04-13T07:35:00,1,");
    }

    @Test
    void parquetGoesToAFileAndAccuracyToJson() throws Exception {
        Path parquet = dir.resolve("exports/5-S.parquet");
        Result written = flowcast("export", "--corridor", "5-S", "--out", parquet.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.out()).contains("Wrote 9 rows (the newest live forecasts of 5-S)", "as parquet");
        byte[] bytes = Files.readAllBytes(parquet);
        assertThat(new String(bytes, 0, 4, "US-ASCII")).isEqualTo("PAR1");
        assertThat(new String(bytes, bytes.length - 4, 4, "US-ASCII")).isEqualTo("PAR1");

        Result accuracy = flowcast("export", "--accuracy", "--format", "json");
        assertThat(accuracy.exitCode()).as(accuracy.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(accuracy.out());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("mae").isNull()).as("nothing scored").isTrue();
        assertThat(rows.get(2).get("mae").asDouble()).isEqualTo(ForecastFixture.accuracyRows(runs.live()).get(2).mae());
        assertThat(rows.get(2).get("target_pacific").asText()).isEqualTo("2023-04-13T07:40:00");
    }

    @Test
    void helpSaysWhatIsWrittenWithoutAWarning() {
        for (String command : List.of("export", "runs")) {
            Result help = FlowcastCommandTest.run(command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.err()).as(command).isEmpty();
        }
        assertThat(FlowcastCommandTest.run("export", "--help").out()).contains("80% and 95% bounds", "forecast_values");
    }

    @Test
    void runsAreListedByCorridorWithTheLiveRunAndTheRangeOfItsOriginsInPacificTime() {
        Result result = flowcast("runs");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("5-N:", "5-S:", "(no corridor):", "live", "persistence", "first origin", "last origin",
                "| 2023-04-13 07:30 PDT | 2023-04-13 07:40 PDT |", "| 2023-04-13 07:30 PDT | 2023-04-13 07:45 PDT |");
        assertThat(result.out().indexOf("5-N:")).isLessThan(result.out().indexOf("5-S:"));
        assertThat(result.out().indexOf("5-S:")).isLessThan(result.out().indexOf("(no corridor):"));
    }

    @Test
    void deletingRunsRemovesEverythingOfThemAndNothingElse() throws Exception {
        Map<String, Long> kept;
        try (FlowcastDatabase db = FlowcastDatabase.open(database)) {
            kept = ForecastFixture.rowsOf(db, runs.calibrated());
        }
        Result result = flowcast("runs", "--delete", runs.live() + "," + runs.withBounds());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Deleted run " + runs.live() + " (linear-ar, 5-S, live): 3 forecast rows, 3 scores",
                "Deleted run " + runs.withBounds() + " (persistence): 12 forecast rows, 0 scores").doesNotContain("5-S:");
        try (FlowcastDatabase db = FlowcastDatabase.open(database)) {
            assertThat(ForecastFixture.rowsOf(db, runs.live()).values()).containsOnly(0L);
            assertThat(ForecastFixture.rowsOf(db, runs.withBounds()).values()).containsOnly(0L);
            assertThat(ForecastFixture.rowsOf(db, runs.calibrated())).isEqualTo(kept);
        }
        Result again = flowcast("runs", "--delete", String.valueOf(runs.live()));
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("there is no forecast run " + runs.live() + "; the runs are " + runs.calibrated());
    }

    @Test
    void pruningAppliesLiveRetentionCountedBackFromTheNewestReading() throws Exception {
        assertThat(flowcast("runs", "--prune").out()).contains("Nothing to prune: no live run has stored readings.");
        // readings of the live corridor's stations three weeks after its forecasts
        Path day = dir.resolve("d12_text_station_5min_2023_05_04.txt");
        List<String> rows = new ArrayList<>();
        for (int station : ForecastFixture.STATIONS) {
            rows.add("05/04/2023 08:00:00," + station + ",12,5,S,ML,.4,20,100,120,0.05,65.0");
        }
        Files.write(day, rows);
        assertThat(flowcast("ingest", day.toString()).exitCode()).isZero();

        Result kept = flowcast("runs", "--prune");
        assertThat(kept.out()).contains("Pruned 3 live origins older than 14 days and 0 scores older than 365 days (newest reading "
                + "2023-05-04 08:00 PDT)");
        Result scores = flowcast("runs", "--prune", "--keep-scores", "7d");
        assertThat(scores.out()).contains("Pruned 0 live origins", "3 scores older than 7 days");
        try (FlowcastDatabase db = FlowcastDatabase.open(database)) {
            assertThat(ForecastFixture.rowsOf(db, runs.live())).containsEntry("forecast_origin", 0L).containsEntry("forecast_score", 0L)
                    .containsEntry("live_run", 1L);
            assertThat(ForecastFixture.rowsOf(db, runs.calibrated())).as("a run that is not live keeps its origins")
                    .containsEntry("forecast_origin", 4L);
        }
    }
}
