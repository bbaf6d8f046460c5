package org.flowcast.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.flowcast.ingest.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFormatTest {
    @TempDir
    Path dir;

    @Test
    void detectsEachFormatByContent() throws Exception {
        List<String> rows = Fixtures.rows(LocalDateTime.of(2022, 1, 3, 0, 0), 1, 1);
        assertThat(FileFormat.detect(Fixtures.write(dir.resolve("x.txt"), rows))).isEqualTo(FileFormat.STATION_5MIN);
        assertThat(FileFormat.detect(Fixtures.writeGzip(dir.resolve("y.gz"), rows))).isEqualTo(FileFormat.STATION_5MIN);
        assertThat(FileFormat.detect(Fixtures.write(dir.resolve("m.txt"), List.of(Fixtures.META_HEADER))))
                .isEqualTo(FileFormat.STATION_METADATA);
        assertThat(FileFormat.detect(Files.writeString(dir.resolve("e.csv"), ",5 Minutes,Flow (Veh/5 Minutes)\n")))
                .isEqualTo(FileFormat.STATION_EXPORT);
        assertThat(FileFormat.detect(Files.writeString(dir.resolve("l.csv"), "station,timestamp,flow\n")))
                .isEqualTo(FileFormat.LONG_CSV);
        assertThat(FileFormat.detect(Files.writeString(dir.resolve("distance.csv"), "\uFEFFfrom,to,cost\n0,1,1\n")))
                .isEqualTo(FileFormat.TENSOR_COMPANION);
        assertThat(FileFormat.detect(NpzTensorReaderTest.writeNpz(dir.resolve("t.npz"), 1, 1, 1, false)))
                .isEqualTo(FileFormat.NPZ_TENSOR);
    }

    @Test
    void unknownFormatNamesTheFileAndWhatWasExpected() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello world\n");
        assertThatThrownBy(() -> FileFormat.detect(file)).isInstanceOf(FileReadException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("unknown format").hasMessageContaining("station_5min");
    }

    @Test
    void emptyMissingAndBinaryFilesAreClearErrors() throws Exception {
        assertThatThrownBy(() -> FileFormat.detect(Files.createFile(dir.resolve("empty.txt")))).hasMessageContaining("empty");
        assertThatThrownBy(() -> FileFormat.detect(dir.resolve("absent.txt"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> FileFormat.detect(Files.write(dir.resolve("b.bin"), new byte[] {0, 1, 2})))
                .hasMessageContaining("binary");
    }
}
