package org.flowcast.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCorridorTest {
    /** Two weeks around the 12 March 2023 spring-forward change. */
    private static final SampleConfig SMALL = new SampleConfig(6, 2, 7, LocalDate.of(2023, 3, 6));

    @TempDir
    static Path dir;
    static SampleCorridor.Written written;

    @BeforeAll
    static void write() throws IOException {
        written = new SampleCorridor(SMALL).writeTo(dir.resolve("a"));
    }

    static List<String> lines(Path gz) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            return in.lines().toList();
        }
    }

    @Test
    void writesOneClearinghouseFilePerPacificDayAndAMetadataFile() throws IOException {
        assertThat(written.files()).hasSize(14);
        assertThat(written.files().get(0).getFileName().toString()).isEqualTo("d99_text_station_5min_2023_03_06.txt.gz");
        assertThat(written.metadata().getFileName().toString()).isEqualTo("d99_text_meta_2023_03_06.txt");
        List<String> meta = Files.readAllLines(written.metadata());
        assertThat(meta.get(0)).startsWith("ID\tFwy\tDir\tDistrict\tCounty\tCity\tState_PM\tAbs_PM");
        assertThat(meta).hasSize(7);
        try (var folder = Files.list(dir.resolve("a"))) {
            assertThat(folder.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void rowsHaveTheClearinghouseLayoutWithPerLaneFieldsAddingUp() throws IOException {
        String row = lines(written.files().get(1)).stream().filter(l -> l.split(",", -1)[8].equals("100")).findFirst().orElseThrow();
        String[] f = row.split(",", -1);
        assertThat(f[0]).matches("\\d\\d/\\d\\d/2023 \\d\\d:\\d\\d:\\d\\d");
        assertThat(f[2]).isEqualTo("99");
        int lanes = (f.length - 12) / 5;
        assertThat(f.length).isEqualTo(12 + 5 * lanes);
        assertThat(lanes).isBetween(3, 4);
        int laneSum = 0;
        for (int lane = 0; lane < lanes; lane++) {
            laneSum += Integer.parseInt(f[12 + lane * 5 + 1]);
        }
        assertThat(laneSum).isEqualTo(Integer.parseInt(f[9]));
        assertThat(Integer.parseInt(f[7])).isEqualTo(10 * lanes);
    }

    @Test
    void springForwardDayHas23HoursAndNoTwoOClock() throws IOException {
        Path sunday = written.files().get(6);
        assertThat(sunday.getFileName().toString()).contains("2023_03_12");
        Set<String> times = new LinkedHashSet<>();
        for (String line : lines(sunday)) {
            times.add(line.substring(0, 19));
        }
        assertThat(times).hasSizeBetween(270, 276).noneMatch(t -> t.contains(" 02:"));
    }

    @Test
    void faultsShowAsImputedMissingAndEmptyRows() throws IOException {
        long imputed = 0;
        long empty = 0;
        long rows = 0;
        for (Path file : written.files()) {
            for (String line : lines(file)) {
                String[] f = line.split(",", -1);
                rows++;
                if (f[8].equals("0")) {
                    imputed++;
                }
                if (f[9].isEmpty()) {
                    empty++;
                }
            }
        }
        long expected = 6L * (14 * 288 - 12);
        assertThat(rows).isLessThan(expected); // some rows are missing altogether
        assertThat(imputed).isPositive();
        assertThat(empty).isPositive();
        assertThat(written.rows()).isEqualTo(rows);
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws IOException {
        SampleCorridor.Written again = new SampleCorridor(SMALL).writeTo(dir.resolve("b"));
        SampleCorridor.Written other = new SampleCorridor(new SampleConfig(6, 2, 8, SMALL.start())).writeTo(dir.resolve("c"));
        for (int i = 0; i < written.files().size(); i++) {
            assertThat(Arrays.equals(Files.readAllBytes(written.files().get(i)), Files.readAllBytes(again.files().get(i)))).isTrue();
        }
        assertThat(Arrays.equals(Files.readAllBytes(written.files().get(3)), Files.readAllBytes(other.files().get(3)))).isFalse();
    }

    @Test
    void ensureWritesOnceAndThenFindsTheSample() throws IOException {
        SampleCorridor corridor = new SampleCorridor(new SampleConfig(3, 1, 1, SMALL.start()));
        assertThat(corridor.ensureIn(dir.resolve("d"))).isTrue();
        assertThat(corridor.ensureIn(dir.resolve("d"))).isFalse();
        assertThat(new SampleCorridor(new SampleConfig(3, 1, 2, SMALL.start())).ensureIn(dir.resolve("d"))).isTrue();
    }

    @Test
    void demandHasWeekdayPeaksAndLighterWeekends() {
        LocalDate tuesday = LocalDate.of(2023, 3, 7);
        LocalDate sunday = LocalDate.of(2023, 3, 12);
        assertThat(DemandProfile.shape(tuesday, 7.6)).isGreaterThan(DemandProfile.shape(tuesday, 12) * 1.2);
        assertThat(DemandProfile.shape(tuesday, 17.2)).isGreaterThan(DemandProfile.shape(tuesday, 12) * 1.2);
        assertThat(DemandProfile.shape(sunday, 7.6)).isLessThan(DemandProfile.shape(tuesday, 7.6) * 0.6);
        assertThat(DemandProfile.shape(LocalDate.of(2023, 2, 20), 7.6)).as("Presidents' Day")
                .isLessThan(DemandProfile.shape(tuesday, 7.6) * 0.6);
        List<Double> night = new ArrayList<>();
        night.add(DemandProfile.shape(tuesday, 3));
        assertThat(night.get(0)).isLessThan(0.15);
    }
}
