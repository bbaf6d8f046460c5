package org.flowcast.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.flowcast.ingest.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationExportReaderTest {
    @TempDir
    Path dir;

    @Test
    void sumsLanesWhenTotalsAreAbsentAndTakesStationFromFileName() throws Exception {
        Path file = Fixtures.write(dir.resolve("station_1205320_export.txt"), List.of(
                "5 Minutes\tLane 1 Flow (Veh/5 Minutes)\tLane 2 Flow (Veh/5 Minutes)\tLane 1 Speed (mph)\tLane 2 Speed (mph)"
                        + "\tLane 1 Occ (%)\tLane 2 Occ (%)\t# Lane Points\t% Observed",
                "01/03/2022 08:00\t100\t80\t60\t64\t10\t6\t24\t100"));
        RecordingSink sink = new RecordingSink();
        new StationExportReader(OptionalInt.empty()).read(file, sink);
        assertThat(sink.rejects).isEmpty();
        Reading r = sink.readings.get(0);
        assertThat(r.stationId()).isEqualTo(1205320);
        assertThat(r.time()).isEqualTo(Instant.parse("2022-01-03T16:00:00Z"));
        assertThat(r.flow()).isEqualTo(180f);
        assertThat(r.speed()).isEqualTo(62f);
        assertThat(r.occupancy()).isEqualTo(0.08f);
        assertThat(r.lanes()).isEqualTo(2);
        assertThat(r.percentObserved()).isEqualTo(100);
    }

    @Test
    void findsColumnsByNameBehindAPandasIndexColumn() throws Exception {
        Path file = Fixtures.write(dir.resolve("export.csv"), List.of(
                ",Speed (mph),5 Minutes,Occupancy (%),Flow (Veh/5 Minutes),% Observed",
                "0,65.5,2022-01-03 08:00:00,5.0,250,50",
                "1,64.0,2022-01-03 08:05:00,5.5,260,50"));
        RecordingSink sink = new RecordingSink();
        new StationExportReader(OptionalInt.of(42)).read(file, sink);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.readings).extracting(Reading::flow).containsExactly(250f, 260f);
        assertThat(sink.readings.get(0).speed()).isEqualTo(65.5f);
        assertThat(sink.readings.get(0).stationId()).isEqualTo(42);
        assertThat(sink.readings.get(1).occupancy()).isEqualTo(0.055f);
    }

    @Test
    void rejectsBadRowWithItsLine() throws Exception {
        Path file = Fixtures.write(dir.resolve("export.csv"), List.of("5 Minutes,Flow (Veh/5 Minutes)",
                "01/03/2022 08:00,10", "not a time,11"));
        RecordingSink sink = new RecordingSink();
        new StationExportReader(OptionalInt.of(42)).read(file, sink);
        assertThat(sink.rejectLines).containsExactly(3L);
    }

    @Test
    void withoutStationIdTheErrorSaysHowToGiveOne() throws Exception {
        Path file = Files.writeString(dir.resolve("export.csv"), "5 Minutes,Flow (Veh/5 Minutes)\n01/03/2022 08:00,10\n");
        assertThatThrownBy(() -> new StationExportReader(OptionalInt.empty()).read(file, new RecordingSink()))
                .isInstanceOf(FileReadException.class).hasMessageContaining("--station");
    }
}
