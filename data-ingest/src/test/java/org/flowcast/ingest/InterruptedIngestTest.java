package org.flowcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowcast.core.Channel;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.IngestHistory;
import org.flowcast.store.IngestedFile;
import org.flowcast.store.SeriesQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real ingesting process part way and checks that the database stays consistent and a rerun completes it. */
class InterruptedIngestTest {
    private static final int FILES = 12;
    private static final int STATIONS = 40;

    @TempDir
    Path dir;

    @Test
    void killedIngestLeavesWholeFilesOnlyAndARerunCompletesIt() throws Exception {
        List<String> args = new ArrayList<>();
        args.add(dir.resolve("db/flowcast").toString());
        int[] stations = new int[STATIONS];
        for (int s = 0; s < STATIONS; s++) {
            stations[s] = 1000 + s;
        }
        for (int day = 0; day < FILES; day++) {
            LocalDateTime start = LocalDateTime.of(2022, 1, 3 + day, 0, 0);
            args.add(Fixtures.writeGzip(dir.resolve(String.format("d12_text_station_5min_2022_01_%02d.txt.gz", 3 + day)),
                    Fixtures.rows(start, 288, stations)).toString());
        }
        Process process = javaProcess(args);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("started 4")) {
                    break;
                }
            }
        }
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("db/flowcast"))) {
            List<IngestedFile> done = new IngestHistory(db).all();
            // Files 0 to 3 had finished when file 4 started: committed means kept.
            assertThat(done.size()).isBetween(4, FILES);
            // Every file is there whole or not at all.
            SensorSeries all = everything(db);
            for (int day = 0; day < FILES; day++) {
                String name = String.format("d12_text_station_5min_2022_01_%02d.txt.gz", 3 + day);
                boolean recorded = done.stream().anyMatch(e -> e.path().endsWith(name));
                int present = presentValues(all, day);
                assertThat(present).as(name).isEqualTo(recorded ? 288 * STATIONS : 0);
            }
            List<FileIngestResult> rerun = new Ingester(db, IngestOptions.defaults(), IngestListener.NONE)
                    .ingest(args.stream().skip(1).map(Path::of).toList());
            assertThat(rerun).allMatch(r -> !r.status().isFailure());
            assertThat(rerun).filteredOn(r -> r.status() == FileIngestResult.Status.LOADED).hasSize(FILES - done.size());
            SensorSeries complete = everything(db);
            for (int day = 0; day < FILES; day++) {
                assertThat(presentValues(complete, day)).isEqualTo(288 * STATIONS);
            }
        }
    }

    private static SensorSeries everything(FlowcastDatabase db) throws Exception {
        List<Integer> ids = new ArrayList<>();
        for (int s = 0; s < STATIONS; s++) {
            ids.add(1000 + s);
        }
        Instant start = Instant.parse("2022-01-03T08:00:00Z");
        return new SeriesQuery(db).stations(ids, new TimeRange(start, start.plusSeconds(86400L * FILES)));
    }

    private static int presentValues(SensorSeries series, int day) {
        int n = 0;
        for (int t = day * 288; t < (day + 1) * 288; t++) {
            for (int s = 0; s < series.stationCount(); s++) {
                if (series.state(t, s, Channel.FLOW) != ValueState.MISSING) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Process javaProcess(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IngestProcess.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
