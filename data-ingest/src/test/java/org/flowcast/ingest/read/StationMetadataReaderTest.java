package org.flowcast.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowcast.core.Station;
import org.flowcast.ingest.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationMetadataReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsStationsWithEmptyFields() throws Exception {
        Path file = Fixtures.write(dir.resolve("d12_text_meta_2022_01_01.txt"), List.of(Fixtures.META_HEADER,
                Fixtures.metaRow(1205320, 5, "N", 30.25, 4, "RED HILL"),
                "1201052\t133\tS\t12\t59\t36770\t9\t\t\t\t\tFR\t\tBARRANCA 2\t565\t\t\t"));
        RecordingSink sink = new RecordingSink();
        new StationMetadataReader().read(file, sink);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.stations).hasSize(2);
        Station first = sink.stations.get(0);
        assertThat(first.id()).isEqualTo(1205320);
        assertThat(first.absolutePostmile()).isEqualTo(30.25);
        assertThat(first.lanes()).isEqualTo(4);
        assertThat(first.name()).isEqualTo("RED HILL");
        Station second = sink.stations.get(1);
        assertThat(second.absolutePostmile()).isNaN();
        assertThat(second.lanes()).isZero();
        assertThat(second.laneType()).isEqualTo("FR");
    }

    @Test
    void rejectsRowWithNonNumericIdNamingItsLine() throws Exception {
        Path file = Fixtures.write(dir.resolve("meta.txt"), List.of(Fixtures.META_HEADER, "abc\t5\tN\t12"));
        RecordingSink sink = new RecordingSink();
        new StationMetadataReader().read(file, sink);
        assertThat(sink.rejectLines).containsExactly(2L);
        assertThat(sink.rejects.get(0)).contains("ID");
    }

    @Test
    void headerWithoutRequiredColumnIsAFileError() throws Exception {
        Path file = Fixtures.write(dir.resolve("meta.txt"), List.of("ID\tFwy\tDir", "1\t5\tN"));
        assertThatThrownBy(() -> new StationMetadataReader().read(file, new RecordingSink()))
                .isInstanceOf(FileReadException.class).hasMessageContaining("District");
    }

    @Test
    void readsTheRealDistrictMetadataWhenPresent() throws Exception {
        Path real = Fixtures.SHARED_DATA.resolve("pems-d12-orange/d12_text_meta.txt");
        Assumptions.assumeTrue(Files.exists(real), "skipped: " + real + " is absent (needs ../shared/data)");
        RecordingSink sink = new RecordingSink();
        new StationMetadataReader().read(real, sink);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.stations).hasSize(2587);
    }
}
