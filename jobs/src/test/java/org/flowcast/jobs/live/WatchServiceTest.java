package org.flowcast.jobs.live;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flowcast.core.AccuracyRow;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.jobs.Workspace;
import org.flowcast.store.LiveRun;
import org.flowcast.store.LiveRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live operation in one process, on a small simulated district's last day delivered as 5-minute files. */
class WatchServiceTest {
    @TempDir
    Path dir;

    private final List<WatchService.StepReport> steps = new ArrayList<>();
    private final List<FileIngestResult> files = new ArrayList<>();

    private WatchService.Listener recording() {
        return new WatchService.Listener() {
            @Override
            public void file(FileIngestResult result) {
                files.add(result);
            }

            @Override
            public void step(WatchService.StepReport report) {
                steps.add(report);
            }

            @Override
            public void note(String message) {
            }
        };
    }

    private WatchSettings settings(Path inbox) throws Exception {
        return WatchSettings.defaults(inbox, LiveDistrict.models()).withOnce(true);
    }

    @Test
    void everyStepAfterTheStoredDataIsScoredAndForecastInTimeOrderWhateverHowTheFilesArrive() throws Exception {
        Path database = LiveDistrict.databaseCopy(dir.resolve("db"));
        Path inbox = dir.resolve("inbox");
        List<Path> feed = LiveDistrict.feed().subList(0, 36);
        // three hours: the first hour arrives at once, the rest a file at a time
        LiveDistrict.deliver(feed.subList(0, 12), inbox);
        try (Workspace workspace = Workspace.open(database.toString())) {
            WatchService watch = new WatchService(workspace, settings(inbox), recording(), Clock.systemUTC());
            watch.run(() -> false);
            for (Path file : feed.subList(12, feed.size())) {
                LiveDistrict.deliver(List.of(file), inbox);
                watch.run(() -> false);
            }
            assertThat(watch.watched()).containsExactly("5-N|linear-ar", "5-S|linear-ar");
            assertThat(steps).hasSize(36).extracting(WatchService.StepReport::refreshed).containsOnly(2);
            assertThat(steps).extracting(WatchService.StepReport::step).isSorted().doesNotHaveDuplicates();
            // step t scores the forecasts made 1 to 12 steps before it, of each corridor, from the first live step on
            assertThat(steps.get(0).scored()).isZero();
            assertThat(steps.get(12).scored()).isEqualTo(2 * 12);
            assertThat(steps.get(35).scored()).isEqualTo(2 * 12);
            assertThat(files).hasSize(36).allMatch(f -> !f.status().isFailure());
            assertThat(inbox.resolve("done")).isDirectoryContaining(p -> p.getFileName().toString().endsWith("_0005.txt"));

            LiveRuns runs = new LiveRuns(workspace.database());
            List<LiveRun> live = runs.all();
            assertThat(live).hasSize(2).allSatisfy(r -> assertThat(r.processedThrough()).contains(steps.get(35).step()));
            List<AccuracyRow> accuracy = runs.accuracy("5-N", new TimeRange(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")));
            assertThat(accuracy).extracting(AccuracyRow::step).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            // the one-step forecasts were scored 35 times (every step but the first), each over the corridor's stations
            assertThat(accuracy.get(0).scored()).isBetween(35L * 3, 35L * 4);
            assertThat(accuracy.get(0).mae()).isPositive().isLessThan(accuracy.get(11).mae());
            assertThat(accuracy.get(11).coverage95()).isBetween(0.5, 1.0);
        }
    }

    @Test
    void aFileStillBeingWrittenIsNeverReadAndAFileStillGrowingWaitsForTheSettleTime() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve(".d99_text_station_5min_2023_02_19_0000.txt.part"), "01/19/2023 00:00:00,");
        Files.writeString(inbox.resolve("half.txt.tmp"), "01/19/2023");
        Path growing = Files.writeString(inbox.resolve("growing.txt"), "01/19/2023 00:00:00,");
        MutableClock clock = new MutableClock(Instant.parse("2023-02-19T08:00:00Z"));
        InboxFolder folder = new InboxFolder(inbox, Duration.ofSeconds(2));
        assertThat(folder.complete(clock.instant())).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        Files.writeString(growing, "01/19/2023 00:00:00,1201,12", StandardCharsets.UTF_8);
        assertThat(folder.complete(clock.instant())).as("it grew: the settle time starts again").isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(folder.complete(clock.instant())).containsExactly(growing);
        assertThat(folder.waiting()).isEqualTo(1);
    }

    @Test
    void aBadFileGoesToFailedWithItsReasonAndTheWatcherGoesOn() throws Exception {
        Path database = LiveDistrict.databaseCopy(dir.resolve("db"));
        Path inbox = dir.resolve("inbox");
        List<Path> feed = LiveDistrict.feed();
        LiveDistrict.deliver(feed.subList(0, 2), inbox);
        Files.writeString(inbox.resolve("d99_text_station_5min_2023_02_19_0007.txt"), "this is not a PeMS file\n");
        try (Workspace workspace = Workspace.open(database.toString())) {
            new WatchService(workspace, settings(inbox), recording(), Clock.systemUTC()).run(() -> false);
            LiveDistrict.deliver(feed.subList(2, 3), inbox);
            new WatchService(workspace, settings(inbox), recording(), Clock.systemUTC()).run(() -> false);
        }
        Path failed = inbox.resolve("failed");
        assertThat(failed.resolve("d99_text_station_5min_2023_02_19_0007.txt")).exists();
        assertThat(Files.readString(failed.resolve("d99_text_station_5min_2023_02_19_0007.txt.reason")))
                .contains("d99_text_station_5min_2023_02_19_0007.txt");
        assertThat(inbox.resolve("done")).isDirectoryContaining(p -> p.getFileName().toString().endsWith("_0010.txt"));
        assertThat(steps).extracting(WatchService.StepReport::refreshed).containsOnly(2);
        assertThat(steps).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theStatusFileSaysWhatTheWatcherDidAndStatusPrintsIt() throws Exception {
        Path database = LiveDistrict.databaseCopy(dir.resolve("db"));
        Path inbox = dir.resolve("inbox");
        LiveDistrict.deliver(LiveDistrict.feed().subList(0, 3), inbox);
        try (Workspace workspace = Workspace.open(database.toString())) {
            new WatchService(workspace, settings(inbox), recording(), Clock.systemUTC()).run(() -> false);
        }
        WatchStatusReport report = WatchStatusReport.read(inbox);
        assertThat(report.rows()).extracting(r -> r.get(0)).containsExactly("5-N", "5-S");
        assertThat(report.summary()).contains("Files waiting:  0", "Last error:     none");
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
