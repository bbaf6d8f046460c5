package org.flowcast.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The district one interval at a time: the daily files' rows, interval by interval. */
class DistrictSimulationTest {
    private static final DistrictConfig SMALL = new DistrictConfig(3, 4, 1, 11, LocalDate.of(2023, 3, 6));

    @TempDir
    Path dir;

    @Test
    void theIntervalsHoldTheDailyFilesRowsInTheirOrderAndTheMetadataItsText() throws IOException {
        SampleDistrict.Written written = new SampleDistrict(SMALL).writeTo(dir);
        List<String> daily = new ArrayList<>();
        for (Path file : written.files()) {
            daily.addAll(SampleCorridorTest.lines(file));
        }
        DistrictSimulation simulation = new DistrictSimulation(SMALL, TrafficShift.NONE);
        List<String> stepped = new ArrayList<>();
        long rows = 0;
        while (simulation.hasNext()) {
            SimulatedInterval interval = simulation.next();
            List<String> lines = interval.rows().lines().toList();
            assertThat(lines).hasSize(interval.rowCount()).allSatisfy(l -> assertThat(l)
                    .startsWith(SampleCorridor.PEMS_TIME.format(interval.local()) + ","));
            assertThat(interval.rows()).endsWith("\n");
            stepped.addAll(lines);
            rows += interval.rowCount();
        }
        assertThat(stepped).isEqualTo(daily);
        assertThat(rows).isEqualTo(written.rows());
        assertThat(simulation.intervals()).isEqualTo(7 * 288 - 12); // the spring-forward day has 23 hours
        assertThat(simulation.metadataText()).isEqualTo(Files.readString(written.metadata()));
        assertThat(simulation.metadataFileName()).isEqualTo(written.metadata().getFileName().toString());
    }
}
