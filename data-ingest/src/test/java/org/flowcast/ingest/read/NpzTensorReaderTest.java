package org.flowcast.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flowcast.core.SensorSeries;
import org.flowcast.ingest.Fixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTensorReaderTest {
    private static final Instant START = Instant.parse("2022-01-01T08:00:00Z");

    @TempDir
    Path dir;

    /** Writes an .npz whose value at [t, n, c] is t * 100 + n * 10 + c. */
    static Path writeNpz(Path file, int steps, int stations, int channels, boolean doubles) throws IOException {
        String header = "{'descr': '<" + (doubles ? "f8" : "f4") + "', 'fortran_order': False, 'shape': ("
                + steps + ", " + stations + ", " + channels + "), }";
        int padded = ((10 + header.length() + 1 + 63) / 64) * 64 - 10;
        header = header + " ".repeat(padded - header.length() - 1) + "\n";
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        npy.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        npy.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
        npy.write(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer data = ByteBuffer.allocate(steps * stations * channels * (doubles ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < stations; n++) {
                for (int c = 0; c < channels; c++) {
                    double v = t * 100 + n * 10 + c;
                    if (doubles) {
                        data.putDouble(v);
                    } else {
                        data.putFloat((float) v);
                    }
                }
            }
        }
        npy.write(data.array());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("data.npy"));
            zip.write(npy.toByteArray());
            zip.closeEntry();
        }
        return file;
    }

    private static NpzTensorReader reader(Instant start) {
        return new NpzTensorReader(new NpzTensorReader.Options(Optional.ofNullable(start), SensorSeries.FIVE_MINUTES,
                Optional.empty(), Optional.empty()));
    }

    @Test
    void readsFloat64TensorWithStationListAndOneBasedEdgesBehindBom() throws Exception {
        Path npz = writeNpz(dir.resolve("PEMS_X.npz"), 3, 2, 4, true);
        Files.writeString(dir.resolve("X_mainline.txt"), "501\n502");
        Files.writeString(dir.resolve("PEMS_X.csv"), "\uFEFFfrom,to,cost\n1,2,0.5\n,,\n");
        RecordingSink sink = new RecordingSink();
        reader(START).read(npz, sink);
        assertThat(sink.readings).hasSize(6);
        Reading last = sink.readings.get(5);
        assertThat(last.stationId()).isEqualTo(502);
        assertThat(last.time()).isEqualTo(START.plus(Duration.ofMinutes(10)));
        assertThat(last.flow()).isEqualTo(210f);
        assertThat(last.occupancy()).isEqualTo(211f);
        assertThat(last.speed()).isEqualTo(212f);
        assertThat(sink.edges).singleElement().satisfies(e -> assertThat(e).containsExactly(501, 502, 0.5));
    }

    @Test
    void readsFloat32TensorWithZeroBasedEdges() throws Exception {
        Path npz = writeNpz(dir.resolve("data.npz"), 2, 3, 3, false);
        Files.writeString(dir.resolve("stations.txt"), "7\n8\n9\n");
        Files.writeString(dir.resolve("distance.csv"), "from,to,cost\n0,1,1.5\n1,2,2.5\n");
        RecordingSink sink = new RecordingSink();
        reader(START).read(npz, sink);
        assertThat(sink.readings.get(4).flow()).isEqualTo(110f);
        assertThat(sink.edges).hasSize(2);
        assertThat(sink.edges.get(1)).containsExactly(8, 9, 2.5);
    }

    @Test
    void withoutStartTheErrorSaysWhichOptionToGive() throws Exception {
        Path npz = writeNpz(dir.resolve("data.npz"), 2, 1, 3, false);
        assertThatThrownBy(() -> reader(null).read(npz, new RecordingSink()))
                .isInstanceOf(FileReadException.class).hasMessageContaining("--start");
    }

    @Test
    void stationListOfTheWrongLengthIsNotUsed() throws Exception {
        Path npz = writeNpz(dir.resolve("data.npz"), 2, 3, 3, false);
        Files.writeString(dir.resolve("stations.txt"), "7\n8\n");
        assertThatThrownBy(() -> reader(START).read(npz, new RecordingSink()))
                .isInstanceOf(FileReadException.class).hasMessageContaining("--station-list");
    }

    @Test
    void readsTheRealOrangeTensorWhenPresent() throws Exception {
        Path real = Fixtures.SHARED_DATA.resolve("pems-d12-orange/orange_81.npz");
        Assumptions.assumeTrue(Files.exists(real), "skipped: " + real + " is absent (needs ../shared/data)");
        RecordingSink sink = new RecordingSink();
        reader(START).read(real, sink);
        assertThat(sink.readings).hasSize(8064 * 81);
        assertThat(sink.stations).hasSize(81);
        assertThat(sink.stations.get(0).id()).isEqualTo(1205320);
        assertThat(sink.edges).isNotEmpty();
    }
}
