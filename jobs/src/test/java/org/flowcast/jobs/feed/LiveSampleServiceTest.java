package org.flowcast.jobs.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.flowcast.jobs.JobException;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.SampleDistrict;
import org.flowcast.sample.TrafficShift;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowcast sample --district --live}'s service: the district's daily rows, one interval file at a time. */
class LiveSampleServiceTest {
    /** Three corridors of four stations, a week from Monday 6 March 2023. */
    static final DistrictConfig SMALL = new DistrictConfig(3, 4, 1, 11, LocalDate.of(2023, 3, 6));

    @TempDir
    static Path dir;
    static SampleDistrict.Written daily;

    @BeforeAll
    static void writeDailyFiles() throws IOException {
        daily = new SampleDistrict(SMALL).writeTo(dir.resolve("daily"));
    }

    static FeedSummary feed(Path inbox, TrafficShift shift, int days, String from) throws JobException {
        return LiveSampleService.prepare(new LiveSampleRequest(SMALL, shift, inbox, FeedSpeed.MAX, OptionalInt.of(days),
                Optional.ofNullable(from).map(ReplayServiceTest::at)), new FakeClock(), FeedListener.NONE).run();
    }

    @Test
    void theFeedHoldsTheDailyFilesRowsOneIntervalAFileAfterItsMetadata() throws IOException, JobException {
        Path inbox = dir.resolve("inbox");
        FeedSummary summary = feed(inbox, TrafficShift.NONE, 2, null);
        List<Path> files = FeedFiles.intervalFiles(inbox);
        assertThat(files).hasSize(2 * 288);
        assertThat(summary.files()).isEqualTo(2 * 288);
        assertThat(summary.metadata()).containsExactly("d99_text_meta_2023_03_06.txt");
        assertThat(inbox.resolve("d99_text_meta_2023_03_06.txt")).hasSameBinaryContentAs(daily.metadata());
        assertThat(FeedFiles.lines(files)).isEqualTo(FeedFiles.lines(daily.files().subList(0, 2)));
        assertThat(files.get(0).getFileName().toString()).isEqualTo("d99_text_station_5min_2023_03_06_0000.txt");
        for (Path file : files) {
            Set<String> stamps = new HashSet<>();
            FeedFiles.lines(file).forEach(line -> stamps.add(line.substring(0, 19)));
            assertThat(stamps).as(file.toString()).hasSize(1);
        }
        assertThat(FeedFiles.names(inbox)).noneMatch(n -> n.endsWith(".part"));

        Path resumed = dir.resolve("inbox-resumed");
        FeedSummary rest = feed(resumed, TrafficShift.NONE, 2, "2023-03-07T23:00");
        assertThat(rest.files()).isEqualTo(12);
        List<Path> restFiles = FeedFiles.intervalFiles(resumed);
        assertThat(restFiles.get(0).getFileName().toString()).isEqualTo("d99_text_station_5min_2023_03_07_2300.txt");
        assertThat(FeedFiles.lines(restFiles)).isEqualTo(FeedFiles.lines(files.subList(files.size() - 12, files.size())));
    }

    @Test
    void aDemandShiftChangesOnlyTheIntervalsFromItsDayAndScalesTheirFlowByAboutItsFactor() throws IOException, JobException {
        Path plain = dir.resolve("inbox");
        if (!Files.isDirectory(plain)) {
            feed(plain, TrafficShift.NONE, 2, null);
        }
        Path shifted = dir.resolve("inbox-shifted");
        feed(shifted, new TrafficShift(1.3, 0, 2), 2, null);
        List<Path> before = FeedFiles.intervalFiles(plain);
        List<Path> after = FeedFiles.intervalFiles(shifted);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < after.size(); i++) {
            boolean firstDay = i < 288;
            assertThat(Files.mismatch(before.get(i), after.get(i)) == -1).as(after.get(i).getFileName() + (firstDay ? ", before the shift"
                    : ", from the shift on")).isEqualTo(firstDay);
        }
        double ratio = flow(after.subList(288, 576)) / flow(before.subList(288, 576));
        assertThat(ratio).as("the flow of the shifted day").isCloseTo(1.3, Offset.offset(0.1));
    }

    @Test
    void aFeedLongerThanTheDistrictOrAShiftOfNoStationOfItIsAUsageError() {
        assertThatThrownBy(() -> feed(dir.resolve("long"), TrafficShift.NONE, 8, null))
                .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.usage()).isTrue()).hasMessageContaining("--weeks 2");
        assertThatThrownBy(() -> feed(dir.resolve("closed"), new TrafficShift(1, 990001, 2), 2, null))
                .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.usage()).isTrue())
                .hasMessageContaining("not a station of the sample district (9901001 to 9903004");
        assertThat(dir.resolve("long")).doesNotExist();
    }

    private static double flow(List<Path> files) throws IOException {
        double total = 0;
        for (String line : FeedFiles.lines(files)) {
            String flow = line.split(",", -1)[9];
            total += flow.isEmpty() ? 0 : Double.parseDouble(flow);
        }
        return total;
    }
}
