package org.flowcast.app.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.flowcast.core.SensorSeries;
import org.flowcast.jobs.CorridorLoader;
import org.flowcast.sample.CorridorStatistics;
import org.flowcast.sample.SampleConfig;
import org.flowcast.sample.SampleCorridor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample, ingested like real data, must look like a real freeway (issue: the sample corridor). */
class SampleRealismTest {
    private static final Path REAL = Path.of(System.getProperty("flowcast.shared.data", "../../shared/data"), "pems-d12-orange");

    @TempDir
    static Path dir;
    static SensorSeries sample;
    static CorridorStatistics stats;

    @BeforeAll
    static void makeAndLoadTheSample() throws Exception {
        new SampleCorridor(new SampleConfig(20, 4, 42, LocalDate.of(2023, 2, 6))).writeTo(dir);
        sample = CorridorLoader.load(dir);
        stats = CorridorStatistics.of(sample);
    }

    @Test
    void flowRisesWithOccupancyWhenFreeAndFallsWhenCongested() {
        assertThat(stats.flowOccupancyCorrelationFreeFlow()).isGreaterThan(0.5);
        assertThat(stats.flowOccupancyCorrelationCongested()).isLessThan(0);
        assertThat(stats.criticalOccupancy()).isBetween(0.05, 0.25);
    }

    @Test
    void speedsDropAtPeakHoursWhereDemandExceedsCapacity() {
        assertThat(stats.peakSpeedAtWorstStation()).isLessThan(stats.offPeakSpeedAtWorstStation() - 15);
    }

    @Test
    void neighboursCorrelateMoreThanDistantStations() {
        assertThat(stats.neighbourFlowCorrelation()).isGreaterThan(stats.distantFlowCorrelation());
    }

    @Test
    void congestionReachesUpstreamStationsLater() {
        assertThat(stats.onsetPairs()).isGreaterThan(20);
        assertThat(stats.medianUpstreamOnsetLagMinutes()).isPositive();
        assertThat(stats.shareOfUpstreamOnsetsLater()).isGreaterThan(0.7);
    }

    @Test
    void weekdayProfileCorrelatesWithRealDataAndFiguresArePrintedSideBySide() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(REAL), "skipped: " + REAL + " is absent (needs ../shared/data)");
        SensorSeries real = CorridorLoader.load(REAL);
        CorridorStatistics realStats = CorridorStatistics.of(real);
        System.out.println(SampleCommand.comparison(sample, real));
        assertThat(stats.profileCorrelation(realStats)).isGreaterThanOrEqualTo(0.8);
        assertThat(realStats.neighbourFlowCorrelation()).isGreaterThan(realStats.distantFlowCorrelation());
    }
}
