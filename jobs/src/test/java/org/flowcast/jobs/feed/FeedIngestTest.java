package org.flowcast.jobs.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.flowcast.core.SensorSeries;
import org.flowcast.jobs.CorridorLoader;
import org.flowcast.jobs.JobException;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.SampleConfig;
import org.flowcast.sample.SampleCorridor;
import org.flowcast.sample.SampleDistrict;
import org.flowcast.sample.TrafficShift;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest loads the same readings from a feed's 5-minute files as from the daily files they were made from. */
class FeedIngestTest {
    @TempDir
    Path dir;

    @Test
    void aReplayedSampleIngestsAsItsDailyFilesDo() throws IOException, JobException {
        SampleCorridor.Written sample = new SampleCorridor(new SampleConfig(4, 1, 5, LocalDate.of(2023, 3, 6))).writeTo(dir.resolve("all"));
        Path daily = dailyFolder(sample.files().subList(0, 2), sample.metadata());
        Path inbox = dir.resolve("inbox");
        FeedSummary summary = ReplayService.prepare(new ReplayRequest(daily, inbox, FeedSpeed.MAX, Optional.empty(), Optional.empty(),
                OptionalLong.empty()), new FakeClock(), FeedListener.NONE).run();
        assertThat(summary.files()).isEqualTo(2 * 288);
        assertSameReadings(daily, inbox);
    }

    @Test
    void theLiveDistrictIngestsAsItsDailyFilesDo() throws IOException, JobException {
        DistrictConfig config = new DistrictConfig(2, 3, 1, 13, LocalDate.of(2023, 3, 6));
        SampleDistrict.Written district = new SampleDistrict(config).writeTo(dir.resolve("district"));
        Path daily = dailyFolder(district.files().subList(0, 2), district.metadata());
        Path inbox = dir.resolve("inbox");
        LiveSampleService.prepare(new LiveSampleRequest(config, TrafficShift.NONE, inbox, FeedSpeed.MAX, OptionalInt.of(2),
                Optional.empty()), new FakeClock(), FeedListener.NONE).run();
        assertSameReadings(daily, inbox);
    }

    @Test
    void bothPassesOfTheHourRepeatedWhenTheClocksFallBackIngestAsFromTheDailyFile() throws IOException, JobException {
        Path daily = Files.createDirectories(dir.resolve("daily"));
        FallBackDay.write(daily);
        Path inbox = dir.resolve("inbox");
        ReplayService.prepare(new ReplayRequest(daily, inbox, FeedSpeed.MAX, Optional.empty(), Optional.empty(),
                OptionalLong.empty()), new FakeClock(), FeedListener.NONE).run();
        SensorSeries series = assertSameReadings(daily, inbox);
        assertThat(series.length()).as("25 hours").isEqualTo(300);
    }

    private Path dailyFolder(List<Path> days, Path metadata) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("daily"));
        for (Path day : days) {
            Files.copy(day, folder.resolve(day.getFileName()));
        }
        Files.copy(metadata, folder.resolve(metadata.getFileName()));
        return folder;
    }

    private static SensorSeries assertSameReadings(Path daily, Path inbox) throws JobException {
        SensorSeries fromDaily = CorridorLoader.load(daily);
        SensorSeries fromFeed = CorridorLoader.load(inbox);
        assertThat(fromFeed.stationIds()).isEqualTo(fromDaily.stationIds());
        assertThat(fromFeed.start()).isEqualTo(fromDaily.start());
        assertThat(fromFeed.length()).isEqualTo(fromDaily.length());
        assertThat(fromFeed.fingerprint()).as("every value and its state").isEqualTo(fromDaily.fingerprint());
        return fromDaily;
    }
}
