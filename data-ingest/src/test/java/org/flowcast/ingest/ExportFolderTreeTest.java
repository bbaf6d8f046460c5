package org.flowcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.flowcast.ingest.FileIngestResult.Status;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.SeriesQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of web exports as analysts keep them, ingested in one command: one folder per station, named by its
 * id (or {@code station<id>}), holding one numbered file per week. The numbers are weeks, not stations.
 */
class ExportFolderTreeTest {
    private static final DateTimeFormatter EXPORT_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");
    private static final LocalDateTime FIRST_WEEK = LocalDateTime.of(2022, 1, 3, 0, 0);

    @TempDir
    Path dir;

    /** One station's week {@code week} (from 11) as a web export: an hour of 5-minute flows. */
    private Path week(Path folder, String name, int week, int flow) throws Exception {
        StringBuilder text = new StringBuilder("5 Minutes,Flow (Veh/5 Minutes)\n");
        LocalDateTime start = FIRST_WEEK.plusWeeks(week - 11L);
        for (int i = 0; i < 12; i++) {
            text.append(EXPORT_TIME.format(start.plusMinutes(5L * i))).append(',').append(flow + i).append('\n');
        }
        return Files.writeString(Files.createDirectories(folder).resolve(name), text);
    }

    private List<FileIngestResult> ingest(Path tree, FlowcastDatabase db) throws Exception {
        return new Ingester(db, IngestOptions.defaults(), IngestListener.NONE).ingest(InputFiles.expand(List.of(tree.toString())));
    }

    @Test
    void numberedWeeksInFoldersNamedByStationsLoadAsThoseStations() throws Exception {
        Path tree = dir.resolve("exports");
        for (int w = 11; w <= 13; w++) {
            week(tree.resolve("1205320"), w + ".csv", w, 100);
            week(tree.resolve("1205330"), w + ".csv", w, 200);
            week(tree.resolve("station7"), (w - 10) + ".txt", w, 300);
        }
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("db/flowcast"))) {
            List<FileIngestResult> results = ingest(tree, db);
            assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.file() + " " + r.message()).isEqualTo(Status.LOADED));
            assertThat(new SeriesQuery(db).stationsWithReadings()).containsExactlyInAnyOrder(1205320, 1205330, 7);
            assertThat(results.stream().mapToLong(FileIngestResult::loaded).sum()).isEqualTo(9 * 12);
        }
    }

    @Test
    void oneStationNamedByFilesInTwoFoldersIsSaidToBeMerged() throws Exception {
        Path tree = dir.resolve("exports");
        Path first = week(tree.resolve("north"), "11.csv", 11, 100);
        Path second = week(tree.resolve("south"), "11.csv", 12, 200);
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("db/flowcast"))) {
            List<FileIngestResult> results = ingest(tree, db);
            assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.LOADED));
            assertThat(results.get(0).warnings()).anySatisfy(w -> assertThat(w).contains("station 11", second.toString(),
                    "one station"));
            assertThat(results.get(1).warnings()).anySatisfy(w -> assertThat(w).contains("station 11", first.toString()));
        }
    }
}
