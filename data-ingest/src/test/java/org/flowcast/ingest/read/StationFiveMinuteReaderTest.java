package org.flowcast.ingest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.flowcast.ingest.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationFiveMinuteReaderTest {
    @TempDir
    Path dir;

    private RecordingSink read(Path file) throws Exception {
        RecordingSink sink = new RecordingSink();
        new StationFiveMinuteReader().read(file, sink);
        return sink;
    }

    @Test
    void readsTotalsAndCountsReportingLanes() throws Exception {
        Path file = Fixtures.write(dir.resolve("d12_text_station_5min_2022_01_03.txt"),
                List.of(Fixtures.row(LocalDateTime.of(2022, 1, 3, 8, 0), 1205320, 320, 0.081, 61.2, 75)));
        RecordingSink sink = read(file);
        Reading r = sink.readings.get(0);
        assertThat(r.stationId()).isEqualTo(1205320);
        assertThat(r.time()).isEqualTo(Instant.parse("2022-01-03T16:00:00Z")); // PST = UTC-8
        assertThat(r.flow()).isEqualTo(320f);
        assertThat(r.occupancy()).isEqualTo(0.081f);
        assertThat(r.speed()).isEqualTo(61.2f);
        assertThat(r.percentObserved()).isEqualTo(75);
        assertThat(r.lanes()).isEqualTo(2);
        assertThat(sink.stations).singleElement().satisfies(s -> {
            assertThat(s.freeway()).isEqualTo(5);
            assertThat(s.direction()).isEqualTo("N");
            assertThat(s.laneType()).isEqualTo("ML");
        });
    }

    @Test
    void acceptsEmptyFieldsAfterStationAndEmptyLaneFields() throws Exception {
        Path file = Fixtures.write(dir.resolve("a.txt"), List.of(
                "01/01/2022 00:00:00,1205320,12,5,N,ML,.25,,100,124,0.041,56.4,,,,,,,,,,,,,,,,,,,,",
                "01/01/2022 00:05:00,1205320,,,,,,,,,,"));
        RecordingSink sink = read(file);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.readings).hasSize(2);
        assertThat(sink.readings.get(0).lanes()).isZero();
        assertThat(sink.readings.get(1).flow()).isNaN();
        assertThat(sink.readings.get(1).percentObserved()).isEqualTo(Reading.UNKNOWN_PERCENT);
    }

    @Test
    void rejectsRowWithTooFewColumnsNamingItsLine() throws Exception {
        Path file = Fixtures.write(dir.resolve("a.txt"), List.of(
                Fixtures.row(LocalDateTime.of(2022, 1, 3, 8, 0), 1, 10, 0.1, 60, 100),
                "01/03/2022 08:05:00,1,12,5,N",
                Fixtures.row(LocalDateTime.of(2022, 1, 3, 8, 10), 1, 10, 0.1, 60, 100)));
        RecordingSink sink = read(file);
        assertThat(sink.readings).hasSize(2);
        assertThat(sink.rejectLines).containsExactly(2L);
        assertThat(sink.rejects.get(0)).contains("expected at least 12", "found 5");
    }

    @Test
    void rejectsNonNumericFlowNamingTheColumn() throws Exception {
        Path file = Fixtures.write(dir.resolve("a.txt"), List.of("01/03/2022 08:05:00,1,12,5,N,ML,.4,20,100,abc,0.1,60"));
        RecordingSink sink = read(file);
        assertThat(sink.rejects).singleElement().asString().contains("Total Flow", "abc");
    }

    @Test
    void rejectsBadTimestamp() throws Exception {
        Path file = Fixtures.write(dir.resolve("a.txt"), List.of("13/45/2022 08:05:00,1,12,5,N,ML,.4,20,100,5,0.1,60"));
        assertThat(read(file).rejects).singleElement().asString().contains("Timestamp");
    }

    @Test
    void readsGzipWithByteOrderMarkAndCrlf() throws Exception {
        String text = "\uFEFF" + Fixtures.row(LocalDateTime.of(2022, 1, 3, 8, 0), 7, 10, 0.1, 60, 100) + "\r\n"
                + Fixtures.row(LocalDateTime.of(2022, 1, 3, 8, 5), 7, 11, 0.1, 60, 100) + "\r\n";
        Path file = Fixtures.writeGzip(dir.resolve("a.txt.gz"), List.of(text));
        RecordingSink sink = read(file);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.readings).extracting(Reading::flow).containsExactly(10f, 11f);
    }

    @Test
    void readsLinesEndedByCarriageReturnsAloneAndRowsThatCrossTheReadersChunks() throws Exception {
        String text = Fixtures.row(LocalDateTime.of(2022, 1, 3, 8, 0), 7, 10, 0.1, 60, 100) + "\r"
                + Fixtures.row(LocalDateTime.of(2022, 1, 3, 8, 5), 7, 11, 0.1, 60, 100);
        assertThat(read(Files.writeString(dir.resolve("cr.txt"), text)).readings).extracting(Reading::flow).containsExactly(10f, 11f);
        // 864 rows of about 95 bytes: past the 64 KiB a read takes at a time, so some row straddles two reads
        List<String> rows = Fixtures.rows(LocalDateTime.of(2022, 1, 3, 0, 0), 288, 1, 2, 3);
        RecordingSink sink = read(Fixtures.writeGzip(dir.resolve("long.txt.gz"), rows));
        assertThat(String.join("\n", rows).length()).isGreaterThan(1 << 16);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.readings).hasSize(864).extracting(Reading::flow).element(863).isEqualTo(100f + 287 + 3);
    }

    @Test
    void everyRowAtATimeTheClocksSkipIsRejectedAndTheNextTimeReads() throws Exception {
        RecordingSink sink = read(Fixtures.write(dir.resolve("gap.txt"), List.of(
                "03/13/2022 02:30:00,1,12,5,N,ML,.4,20,100,5,0.1,60",
                "03/13/2022 02:30:00,2,12,5,N,ML,.4,20,100,6,0.1,60",
                "03/13/2022 03:00:00,1,12,5,N,ML,.4,20,100,7,0.1,60")));
        assertThat(sink.rejects).hasSize(2).allSatisfy(r -> assertThat(r).asString().contains("does not exist in Pacific time"));
        assertThat(sink.readings).extracting(Reading::flow).containsExactly(7f);
    }

    @Test
    void truncatedGzipIsAClearFileError() throws Exception {
        Path whole = Fixtures.writeGzip(dir.resolve("whole.txt.gz"), Fixtures.rows(LocalDateTime.of(2022, 1, 3, 0, 0), 288, 1, 2, 3));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.txt.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> read(cut)).isInstanceOf(FileReadException.class)
                .hasMessageContaining("cut.txt.gz").hasMessageContaining("truncated");
    }

    @Test
    void springForwardHourDoesNotExist() throws Exception {
        Path file = Fixtures.write(dir.resolve("a.txt"), List.of(
                Fixtures.row(LocalDateTime.of(2022, 3, 13, 1, 55), 1, 10, 0.1, 60, 100),
                Fixtures.row(LocalDateTime.of(2022, 3, 13, 2, 0), 1, 10, 0.1, 60, 100),
                Fixtures.row(LocalDateTime.of(2022, 3, 13, 3, 0), 1, 10, 0.1, 60, 100)));
        RecordingSink sink = read(file);
        assertThat(sink.rejects).singleElement().asString().contains("does not exist");
        assertThat(sink.readings).extracting(Reading::time)
                .containsExactly(Instant.parse("2022-03-13T09:55:00Z"), Instant.parse("2022-03-13T10:00:00Z"));
    }

    @Test
    void fallBackHourKeepsBothOccurrencesAsSuccessiveInstants() throws Exception {
        LocalDateTime oneAm = LocalDateTime.of(2022, 11, 6, 1, 0);
        Path file = Fixtures.write(dir.resolve("a.txt"), List.of(
                Fixtures.row(oneAm, 1, 10, 0.1, 60, 100),
                Fixtures.row(oneAm, 2, 20, 0.1, 60, 100),
                Fixtures.row(oneAm, 1, 11, 0.1, 60, 100),
                Fixtures.row(oneAm, 2, 21, 0.1, 60, 100)));
        RecordingSink sink = read(file);
        assertThat(sink.readings).extracting(r -> r.stationId() + "@" + r.time() + "=" + r.flow()).containsExactlyInAnyOrder(
                "1@2022-11-06T08:00:00Z=10.0", "2@2022-11-06T08:00:00Z=20.0",
                "1@2022-11-06T09:00:00Z=11.0", "2@2022-11-06T09:00:00Z=21.0");
    }

    @Test
    void binaryFileIsRefused() throws Exception {
        Path file = Files.write(dir.resolve("a.txt"), new byte[] {1, 0, 2, 0, 3});
        assertThatThrownBy(() -> read(file)).isInstanceOf(FileReadException.class).hasMessageContaining("binary");
    }

    @Test
    void invalidUtf8IsAFileError() throws Exception {
        Path file = Files.write(dir.resolve("a.txt"), ("01/03/2022 08:05:00,1,12,5,N,ML,.4,20,100,5,0.1,60\n"
                + "\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> read(file)).isInstanceOf(FileReadException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void readsARealClearinghouseFileWhenPresent() throws Exception {
        Path real = Fixtures.SHARED_DATA.resolve("pems-d12-orange/station_5min/d12_text_station_5min_2022_01_03.txt.gz");
        Assumptions.assumeTrue(Files.exists(real), "skipped: " + real + " is absent (needs ../shared/data)");
        RecordingSink sink = read(real);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.readings).hasSize(81 * 288);
        assertThat(sink.stations).hasSize(81);
    }
}
