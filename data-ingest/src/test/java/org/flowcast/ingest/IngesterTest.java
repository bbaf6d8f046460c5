package org.flowcast.ingest;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import org.flowcast.core.Channel;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.ingest.FileIngestResult.Status;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.IngestHistory;
import org.flowcast.store.IngestedFile;
import org.flowcast.store.ObservationBlocks;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngesterTest {
    private static final LocalDateTime MONDAY = LocalDateTime.of(2022, 1, 3, 0, 0);
    private static final Instant MONDAY_UTC = Instant.parse("2022-01-03T08:00:00Z");

    @TempDir
    Path dir;
    FlowcastDatabase db;

    @BeforeEach
    void open() throws Exception {
        db = FlowcastDatabase.open(dir.resolve("db/flowcast"));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private List<FileIngestResult> ingest(Path... files) throws StoreException {
        return new Ingester(db, IngestOptions.defaults(), IngestListener.NONE).ingest(List.of(files));
    }

    private SensorSeries day(int... stations) throws Exception {
        return new SeriesQuery(db).stations(Arrays.stream(stations).boxed().toList(),
                new TimeRange(MONDAY_UTC, MONDAY_UTC.plusSeconds(86400)));
    }

    @Test
    void loadsAFileAndReadsItBackAsASeries() throws Exception {
        Path file = Fixtures.writeGzip(dir.resolve("d12_text_station_5min_2022_01_03.txt.gz"), Fixtures.rows(MONDAY, 288, 101, 102));
        FileIngestResult result = ingest(file).get(0);
        assertThat(result.status()).isEqualTo(Status.LOADED);
        assertThat(result.loaded()).isEqualTo(576);
        assertThat(result.stationsWithoutMetadata()).containsExactly(101, 102);
        SensorSeries series = day(102, 101);
        assertThat(series.length()).isEqualTo(288);
        assertThat(series.value(10, 0, Channel.FLOW)).isEqualTo(100 + 10 + 2);
        assertThat(series.value(10, 1, Channel.FLOW)).isEqualTo(100 + 10 + 1);
        assertThat(series.state(10, 1, Channel.FLOW)).isEqualTo(ValueState.OBSERVED);
    }

    @Test
    void theCapacityCheckCountsTheLanesOfMetadataIngestedInTheSameRun() throws Exception {
        Path meta = Fixtures.write(dir.resolve("d12_text_meta_2022_01_03.txt"), List.of(Fixtures.META_HEADER,
                Fixtures.metaRow(201, 5, "N", 1.0, 2, "A"), Fixtures.metaRow(202, 5, "N", 2.0, 4, "B")));
        String time = Fixtures.PEMS_TIME.format(MONDAY.plusMinutes(60));
        // 600 vehicles in 5 minutes: past two lanes' capacity (500), within four lanes' (1,000) and ten's (2,500)
        Path data = Fixtures.write(dir.resolve("d12_text_station_5min_2022_01_03.txt"), List.of(
                time + ",201,12,5,N,ML,.4,20,100,600,0.05,65",
                time + ",202,12,5,N,ML,.4,20,100,600,0.05,65",
                time + ",203,12,5,N,ML,.4,20,100,600,0.05,65"));
        // the data file first on the command line: the metadata is still written before it
        List<FileIngestResult> results = ingest(data, meta);
        FileIngestResult readings = results.stream().filter(r -> r.file().equals(data)).findFirst().orElseThrow();
        assertThat(readings.flagged()).isEqualTo(1);
        SensorSeries series = day(201, 202, 203);
        assertThat(series.state(12, 0, Channel.FLOW)).as("2 lanes from metadata").isEqualTo(ValueState.MISSING);
        assertThat(series.state(12, 1, Channel.FLOW)).as("4 lanes from metadata").isEqualTo(ValueState.OBSERVED);
        assertThat(series.state(12, 2, Channel.FLOW)).as("no metadata: the most lanes any station has").isEqualTo(ValueState.OBSERVED);
    }

    @Test
    void ingestingTheSameFileAgainChangesNothing() throws Exception {
        Path file = Fixtures.write(dir.resolve("a.txt"), Fixtures.rows(MONDAY, 24, 101));
        ingest(file);
        SensorSeries before = day(101);
        FileIngestResult again = ingest(file).get(0);
        assertThat(again.status()).isEqualTo(Status.UNCHANGED);
        FileIngestResult forced = new Ingester(db, new IngestOptions(0.05, OptionalInt.empty(),
                IngestOptions.defaults().tensor(), true), IngestListener.NONE).ingest(List.of(file)).get(0);
        assertThat(forced.loaded()).isZero();
        assertThat(forced.duplicates()).isEqualTo(24);
        SensorSeries after = day(101);
        for (Channel channel : Channel.values()) {
            assertThat(Arrays.equals(after.column(0, channel), before.column(0, channel))).isTrue();
        }
        assertThat(after.stateCounts(Channel.FLOW)).containsExactly(before.stateCounts(Channel.FLOW));
    }

    @Test
    void malformedRowsGoToTheRejectLogAndGoodRowsLoad() throws Exception {
        List<String> rows = new ArrayList<>(Fixtures.rows(MONDAY, 100, 101));
        rows.set(4, "01/03/2022 00:20:00,101,12,5");
        Path file = Fixtures.write(dir.resolve("a.txt"), rows);
        FileIngestResult result = ingest(file).get(0);
        assertThat(result.status()).isEqualTo(Status.LOADED);
        assertThat(result.loaded()).isEqualTo(99);
        assertThat(result.rejected()).isEqualTo(1);
        String log = Files.readString(db.rejectLog());
        assertThat(log).contains("a.txt:5: expected at least 12");
        assertThat(day(101).value(4, 0, Channel.FLOW)).isNaN();
    }

    @Test
    void fileWithTooManyBadRowsIsRefusedWholeAndTheOthersGoOn() throws Exception {
        List<String> rows = new ArrayList<>(Fixtures.rows(MONDAY, 20, 101));
        rows.set(3, "garbage,101");
        rows.set(7, "garbage,101");
        Path bad = Fixtures.write(dir.resolve("bad.txt"), rows);
        Path good = Fixtures.write(dir.resolve("good.txt"), Fixtures.rows(MONDAY, 20, 102));
        List<FileIngestResult> results = ingest(bad, good);
        assertThat(results.get(0).status()).isEqualTo(Status.REFUSED);
        assertThat(results.get(0).message()).contains("2 of 20 rows", "bad.txt:4");
        assertThat(results.get(1).status()).isEqualTo(Status.LOADED);
        assertThat(new IngestHistory(db).all()).extracting(IngestedFile::path).containsExactly(good.toAbsolutePath().toString());
        assertThat(new ObservationBlocks(db).count()).isEqualTo(1);
    }

    @Test
    void corruptEmptyMissingAndUnknownFilesFailClearlyWithoutStoppingTheRest() throws Exception {
        Path whole = Fixtures.writeGzip(dir.resolve("whole.txt.gz"), Fixtures.rows(MONDAY, 288, 1, 2, 3, 4));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.txt.gz"), Arrays.copyOf(bytes, bytes.length - 40));
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Path unknown = Files.writeString(dir.resolve("notes.txt"), "just some notes\n");
        Path good = Fixtures.write(dir.resolve("good.txt"), Fixtures.rows(MONDAY, 10, 9));
        List<FileIngestResult> results = ingest(cut, empty, dir.resolve("absent.txt"), unknown, good);
        assertThat(results).filteredOn(r -> r.status() == Status.FAILED).hasSize(4);
        assertThat(results).filteredOn(r -> r.status() == Status.FAILED).extracting(FileIngestResult::message)
                .anySatisfy(m -> assertThat(m).contains("cut.txt.gz", "truncated"))
                .anySatisfy(m -> assertThat(m).contains("empty.txt", "empty"))
                .anySatisfy(m -> assertThat(m).contains("absent.txt", "no such file"))
                .anySatisfy(m -> assertThat(m).contains("notes.txt", "unknown format"));
        assertThat(results).filteredOn(r -> r.status() == Status.LOADED).extracting(FileIngestResult::file).containsExactly(good);
        assertThat(new ObservationBlocks(db).count()).isEqualTo(1);
    }

    @Test
    void duplicateAndOutOfOrderRowsAreHandled() throws Exception {
        List<String> rows = new ArrayList<>(Fixtures.rows(MONDAY, 10, 101));
        rows.add(rows.get(2));
        Collections.reverse(rows);
        FileIngestResult result = ingest(Fixtures.write(dir.resolve("a.txt"), rows)).get(0);
        assertThat(result.loaded()).isEqualTo(10);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(day(101).value(9, 0, Channel.FLOW)).isEqualTo(100 + 9 + 1);
    }

    @Test
    void metadataGivesCorridorOrderAndStationsOutsideItAreReported() throws Exception {
        Path meta = Fixtures.write(dir.resolve("d12_text_meta_2022_01_01.txt"), List.of(Fixtures.META_HEADER,
                Fixtures.metaRow(101, 5, "N", 12.0, 3, "B"), Fixtures.metaRow(102, 5, "N", 10.5, 3, "A")));
        Path data = Fixtures.write(dir.resolve("a.txt"), Fixtures.rows(MONDAY, 12, 101, 102, 103));
        List<FileIngestResult> results = ingest(data, meta);
        assertThat(results.get(0).file()).isEqualTo(meta); // metadata goes first
        assertThat(results.get(1).stationsWithoutMetadata()).containsExactly(103);
        SensorSeries corridor = new SeriesQuery(db).corridor(5, "N", "ML", new TimeRange(MONDAY_UTC, MONDAY_UTC.plusSeconds(3600)));
        assertThat(corridor.stationIds()).containsExactly(102, 101, 103);
    }

    @Test
    void implausibleValuesAreKeptFlaggedAndQueriedAsMissing() throws Exception {
        List<String> rows = new ArrayList<>(Fixtures.rows(MONDAY, 10, 101));
        rows.set(1, Fixtures.row(MONDAY.plusMinutes(5), 101, -5, 0.05, 65, 100));
        rows.set(2, Fixtures.row(MONDAY.plusMinutes(10), 101, 100, 1.5, 65, 100));
        rows.set(3, Fixtures.row(MONDAY.plusMinutes(15), 101, 100, 0.05, 130, 100));
        rows.set(4, Fixtures.row(MONDAY.plusMinutes(20), 101, 900, 0.05, 65, 100)); // 2 lanes: above 500
        rows.set(5, Fixtures.row(MONDAY.plusMinutes(25), 101, 100, 0.05, 65, 0));
        FileIngestResult result = ingest(Fixtures.write(dir.resolve("a.txt"), rows)).get(0);
        assertThat(result.flagged()).isEqualTo(4);
        SensorSeries series = day(101);
        assertThat(series.state(1, 0, Channel.FLOW)).isEqualTo(ValueState.MISSING);
        assertThat(series.state(1, 0, Channel.SPEED)).isEqualTo(ValueState.OBSERVED);
        assertThat(series.state(2, 0, Channel.OCCUPANCY)).isEqualTo(ValueState.MISSING);
        assertThat(series.state(2, 0, Channel.FLOW)).isEqualTo(ValueState.OBSERVED);
        assertThat(series.state(3, 0, Channel.SPEED)).isEqualTo(ValueState.MISSING);
        assertThat(series.state(4, 0, Channel.FLOW)).isEqualTo(ValueState.MISSING);
        assertThat(series.state(5, 0, Channel.FLOW)).isEqualTo(ValueState.IMPUTED);
    }

    @Test
    void aReadingStuckForHoursIsFlaggedAcrossFiles() throws Exception {
        // 20 identical readings at the end of one file and 20 at the start of the next: 40 >= 36.
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            String row = Fixtures.row(MONDAY.plusMinutes(5L * (268 + t)), 101, 77, 0.05, 65, 100);
            (t < 20 ? first : second).add(row);
        }
        ingest(Fixtures.write(dir.resolve("one.txt"), first));
        FileIngestResult result = ingest(Fixtures.write(dir.resolve("two.txt"), second)).get(0);
        assertThat(result.flagged()).isEqualTo(40);
        SensorSeries series = new SeriesQuery(db).stations(List.of(101),
                new TimeRange(MONDAY_UTC, MONDAY_UTC.plusSeconds(2 * 86400)));
        assertThat(series.state(268, 0, Channel.FLOW)).isEqualTo(ValueState.MISSING);
        assertThat(series.state(307, 0, Channel.FLOW)).isEqualTo(ValueState.MISSING);
    }

    @Test
    void fallBackHourIsStoredTwiceAndSpringForwardHourIsRejected() throws Exception {
        LocalDateTime fallBack = LocalDateTime.of(2022, 11, 6, 0, 0);
        List<String> rows = new ArrayList<>();
        // local 00:00 .. 02:55 in time order, as PeMS writes the day: 01:00-01:55 daylight, then 01:00-01:55 standard
        for (int m = 0; m < 120; m += 5) {
            rows.add(Fixtures.row(fallBack.plusMinutes(m), 101, 10 + m, 0.05, 65, 100));
        }
        for (int m = 60; m < 180; m += 5) {
            rows.add(Fixtures.row(fallBack.plusMinutes(m), 101, m < 120 ? 300 + m : 10 + m, 0.05, 65, 100));
        }
        LocalDateTime springForward = LocalDateTime.of(2022, 3, 13, 1, 55);
        rows.add(Fixtures.row(springForward, 101, 5, 0.05, 65, 100));
        rows.add(Fixtures.row(springForward.plusMinutes(5), 101, 6, 0.05, 65, 100));
        FileIngestResult result = ingest(Fixtures.write(dir.resolve("dst.txt"), rows)).get(0);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.loaded()).isEqualTo(36 + 12 + 1);
        SensorSeries autumn = new SeriesQuery(db).stations(List.of(101),
                new TimeRange(Instant.parse("2022-11-06T07:00:00Z"), Instant.parse("2022-11-06T11:00:00Z")));
        // 07:00Z = 00:00 PDT ... 08:00Z = first 01:00 (PDT), 09:00Z = second 01:00 (PST), 10:00Z = 02:00 PST
        assertThat(autumn.length()).isEqualTo(48);
        assertThat(autumn.value(12, 0, Channel.FLOW)).isEqualTo(70f);
        assertThat(autumn.value(24, 0, Channel.FLOW)).isEqualTo(360f);
        assertThat(autumn.value(36, 0, Channel.FLOW)).isEqualTo(130f);
        assertThat(autumn.stateCounts(Channel.FLOW)[ValueState.MISSING.ordinal()]).isZero();
    }

    @Test
    void loadsTheRealOrangeTensorAsTheSameValuesAsItsClearinghouseFiles() throws Exception {
        Path orange = Fixtures.SHARED_DATA.resolve("pems-d12-orange");
        Assumptions.assumeTrue(Files.isDirectory(orange), "skipped: " + orange + " is absent (needs ../shared/data)");
        Path day3 = orange.resolve("station_5min/d12_text_station_5min_2022_01_03.txt.gz");
        assertThat(ingest(day3, orange.resolve("d12_text_meta.txt"))).allMatch(r -> r.status() == Status.LOADED);
        SensorSeries fromFiles = day(1205320);
        try (FlowcastDatabase tensorDb = FlowcastDatabase.open(dir.resolve("tensor/flowcast"))) {
            IngestOptions options = IngestOptions.defaults().withTensorStart(Instant.parse("2022-01-01T08:00:00Z"));
            FileIngestResult result = new Ingester(tensorDb, options, IngestListener.NONE)
                    .ingest(List.of(orange.resolve("orange_81.npz"))).get(0);
            assertThat(result.loaded()).isEqualTo(8064L * 81);
            SensorSeries fromTensor = new SeriesQuery(tensorDb).stations(List.of(1205320),
                    new TimeRange(MONDAY_UTC, MONDAY_UTC.plusSeconds(86400)));
            for (int t = 0; t < 288; t++) {
                assertThat(fromTensor.value(t, 0, Channel.FLOW)).isEqualTo(fromFiles.value(t, 0, Channel.FLOW));
            }
        }
    }
}
