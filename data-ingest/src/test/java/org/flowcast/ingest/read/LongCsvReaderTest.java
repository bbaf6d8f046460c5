package org.flowcast.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongCsvReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsLocalAndOffsetTimestampsAndOptionalColumns() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.csv"), """
                station,timestamp,flow,speed
                1,2022-01-03 08:00:00,120,61
                1,2022-01-03T16:05:00Z,130,
                2,2022-01-03T08:10:00-08:00,140,59
                """);
        RecordingSink sink = new RecordingSink();
        new LongCsvReader().read(file, sink);
        assertThat(sink.rejects).isEmpty();
        assertThat(sink.readings).extracting(Reading::time).containsExactly(Instant.parse("2022-01-03T16:00:00Z"),
                Instant.parse("2022-01-03T16:05:00Z"), Instant.parse("2022-01-03T16:10:00Z"));
        assertThat(sink.readings.get(1).speed()).isNaN();
        assertThat(sink.readings.get(0).occupancy()).isNaN();
    }

    @Test
    void rejectsRowWithBadNumberAndKeepsTheOthers() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.csv"), "station,timestamp,flow\n1,2022-01-03 08:00,x\n1,2022-01-03 08:05,5\n");
        RecordingSink sink = new RecordingSink();
        new LongCsvReader().read(file, sink);
        assertThat(sink.rejectLines).containsExactly(2L);
        assertThat(sink.readings).hasSize(1);
    }

    @Test
    void headerWithoutFlowIsAFileError() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.csv"), "station,timestamp,speed\n1,2022-01-03 08:00,60\n");
        assertThatThrownBy(() -> new LongCsvReader().read(file, new RecordingSink()))
                .isInstanceOf(FileReadException.class).hasMessageContaining("'flow'");
    }
}
