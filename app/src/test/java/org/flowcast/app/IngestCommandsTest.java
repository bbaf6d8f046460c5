package org.flowcast.app;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.flowcast.jobs.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the data commands end to end on a real embedded database. */
class IngestCommandsTest {
    @TempDir
    Path dir;

    private Path day(String name, int stations) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int t = 0; t < 288; t++) {
            for (int s = 0; s < stations; s++) {
                if (t == 100 && s == 0) {
                    continue; // a gap for 'fill'
                }
                rows.add(String.format("01/03/2022 %02d:%02d:00,%d,12,5,N,ML,.4,20,100,%d,0.05,65.0",
                        t / 12, t % 12 * 5, 1201 + s, 100 + t));
            }
        }
        return Files.write(dir.resolve(name), rows);
    }

    private Result flowcast(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(dir.resolve("db/flowcast").toString());
        return FlowcastCommandTest.run(all.toArray(String[]::new));
    }

    @Test
    void ingestPrintsATablePerFileAndLoadingAgainIsANoOp() throws Exception {
        Path file = day("d12_text_station_5min_2022_01_03.txt", 3);
        Result first = flowcast("ingest", file.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("d12_text_station_5min_2022_01_03.txt", "PeMS station_5min", "loaded", "863");
        assertThat(first.out()).contains("3 station(s) have no PeMS metadata");
        Result second = flowcast("ingest", file.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("1 file unchanged: loaded before (--force reads it again).")
                .doesNotContain("d12_text_station_5min_2022_01_03.txt");
    }

    @Test
    void aRerunOverAGrowingFolderListsTheNewFileInFullAndCountsTheOthersInOneLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("downloads/station_5min"));
        Files.move(day("d12_text_station_5min_2022_01_03.txt", 2), folder.resolve("d12_text_station_5min_2022_01_03.txt"));
        assertThat(flowcast("ingest", dir.resolve("downloads").toString()).exitCode()).isZero();
        Files.writeString(folder.resolve("d12_text_station_5min_2022_01_04.txt"), Files.readString(
                folder.resolve("d12_text_station_5min_2022_01_03.txt")).replace("01/03/2022", "01/04/2022"));
        Result rerun = flowcast("ingest", dir.resolve("downloads").toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        // not a terminal here: the table is not wrapped to any width, so the path below the folder stays whole
        assertThat(rerun.out()).contains("| station_5min/d12_text_station_5min_2022_01_04.txt ", "1 file unchanged")
                .doesNotContain("2022_01_03");
    }

    /**
     * A week of a station's web export as the PeMS site saves it, without the hour from 08:00 on the second
     * day and with blank values in the hour from 08:00 on the third.
     */
    private Path webExportWeek(Path folder, String name, String badObservedAt) throws Exception {
        List<String> rows = new ArrayList<>(List.of("5 Minutes,Lane 1 Flow (Veh/5 Minutes),Flow (Veh/5 Minutes),# Lane Points,% Observed"));
        for (int t = 0; t < 7 * 288; t++) {
            if (t >= 288 + 96 && t < 288 + 108) {
                continue;
            }
            String time = String.format("01/%02d/2023 %02d:%02d", 2 + t / 288, t % 288 / 12, t % 12 * 5);
            boolean blank = t >= 2 * 288 + 96 && t < 2 * 288 + 108;
            rows.add(time + (blank ? ",,,1,0" : ",50,50,1," + (time.equals(badObservedAt) ? "n/a" : "100")));
        }
        return Files.write(Files.createDirectories(folder).resolve(name), rows);
    }

    @Test
    void aFolderOfPerStationFoldersLoadsEveryStationByItsFolderNameAndShowsPathsBelowIt() throws Exception {
        Path exports = dir.resolve("exports");
        webExportWeek(exports.resolve("10105110"), "week1.csv", "01/02/2023 00:05");
        webExportWeek(exports.resolve("station25"), "week1.csv", "");
        Result result = flowcast("ingest", exports.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        // one row per file, named below the folder given; the 8-digit id and the station name both read
        assertThat(result.out()).contains("10105110/week1.csv", "station25/week1.csv");
        assertThat(result.err()).contains("station 25 taken from the name 'station25'");
        Result stations = flowcast("stations");
        assertThat(stations.out()).contains("10105110", "unknown").doesNotContain(" 0-");
        // the bad '% Observed' kept its row; the missing hour and the blank hour are both gaps in the coverage
        String line = stations.out().lines().filter(l -> l.contains("10105110")).findFirst().orElseThrow();
        assertThat(line).contains(String.format(Locale.ROOT, "%.1f%%", 100.0 * (7 * 288 - 24) / (7 * 288)));
        Result quality = flowcast("quality");
        assertThat(quality.exitCode()).as(quality.err()).isZero();
        // without metadata the corridor order is by id, and training says so before it starts
        Result train = flowcast("train", "--model", "persistence", "--out", dir.resolve("p.fcm").toString());
        assertThat(train.err()).contains("2 of the 2 stations", "have no postmile", "--stations in corridor order");
    }

    @Test
    void aFailedFileMakesTheExitCodeOneAndIsNamedOnStderr() throws Exception {
        Path good = day("good.txt", 1);
        Path bad = Files.writeString(dir.resolve("bad.txt"), "this is not PeMS data\n");
        Result result = flowcast("ingest", good.toString(), bad.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("bad.txt", "unknown format");
        assertThat(result.out()).contains("good.txt", "loaded");
    }

    @Test
    void stationsQualityAndFillReportOnWhatWasLoaded() throws Exception {
        flowcast("ingest", day("a.txt", 2).toString());
        Result stations = flowcast("stations");
        assertThat(stations.exitCode()).isZero();
        assertThat(stations.out()).contains("1201", "1202", "5-N", "2 stations");
        Result fill = flowcast("fill", "--max-linear", "10m");
        assertThat(fill.exitCode()).as(fill.err()).isZero();
        assertThat(fill.out()).contains("Filled 1 slots", "3 values interpolated");
        Result quality = flowcast("quality");
        assertThat(quality.exitCode()).isZero();
        assertThat(quality.out()).contains("1201", "99.7%", "2 stations");
    }

    @Test
    void emptyDatabaseGivesAHelpfulMessage() throws Exception {
        Result absent = flowcast("stations");
        assertThat(absent.exitCode()).as("a read makes no database").isEqualTo(1);
        assertThat(absent.err()).contains("there is no Flowcast database at", "flowcast ingest --db");
        assertThat(dir.resolve("db")).doesNotExist();
        Workspace.open(dir.resolve("db/flowcast").toString()).close();
        Result stations = flowcast("stations");
        assertThat(stations.exitCode()).isZero();
        assertThat(stations.out()).contains("flowcast ingest");
    }

    @Test
    void badTimeOptionIsAUsageError() {
        Result result = flowcast("fill", "--from", "yesterday");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("2022-01-03T08:00");
    }

    @Test
    void theIngestBenchmarkTimesIngestsInNewJvmsAndWritesItsFigures() throws Exception {
        Path data = Files.createDirectories(dir.resolve("bench/station_5min"));
        Files.move(day("d12_text_station_5min_2022_01_03.txt", 3), data.resolve("d12_text_station_5min_2022_01_03.txt"));
        Files.write(dir.resolve("bench/d12_text_meta_2022_01_03.txt"), List.of(
                "ID\tFwy\tDir\tDistrict\tCounty\tCity\tState_PM\tAbs_PM\tLatitude\tLongitude\tLength\tType\tLanes\tName"
                        + "\tUser_ID_1\tUser_ID_2\tUser_ID_3\tUser_ID_4",
                "1201\t5\tN\t12\t59\t\t1.0\t1.0\t33.7\t-117.8\t.5\tML\t4\tA\t\t\t\t",
                "1202\t5\tN\t12\t59\t\t1.5\t1.5\t33.7\t-117.8\t.5\tML\t4\tB\t\t\t\t"));
        Path json = dir.resolve("bench-ingest.json");
        Result result = FlowcastCommandTest.run("bench", "ingest", "--data", dir.resolve("bench").toString(), "--runs", "2",
                "--queries", "3", "--json", json.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("end-to-end run 2 of 2", "rows/s end to end (new JVM, -Xmx512m", "865");
        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        assertThat(figures.get("files").asInt()).isEqualTo(2);
        assertThat(figures.get("failedFiles").asInt()).isZero();
        assertThat(figures.get("rows").asLong()).isEqualTo(863 + 2);
        assertThat(figures.get("endToEndSeconds")).hasSize(2).allSatisfy(s -> assertThat(s.asDouble()).isPositive());
        assertThat(figures.get("endToEndRowsPerSecond").asDouble())
                .isEqualTo(865 / figures.get("endToEndMedianSeconds").asDouble(), Offset.offset(1e-6));
        assertThat(figures.get("endToEndHeap").asText()).isEqualTo("512m");
    }
}
