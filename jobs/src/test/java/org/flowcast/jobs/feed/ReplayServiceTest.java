package org.flowcast.jobs.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.flowcast.core.PemsTime;
import org.flowcast.jobs.JobException;
import org.flowcast.sample.SampleConfig;
import org.flowcast.sample.SampleCorridor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowcast replay}'s service: daily files split into one atomically written file per interval, paced, stoppable. */
class ReplayServiceTest {
    /** A week of a small sample corridor, across the spring-forward change of Sunday 12 March 2023 (a day of 23 hours). */
    static final SampleConfig WEEK = new SampleConfig(4, 1, 3, LocalDate.of(2023, 3, 6));
    /** The daily files' names, as the ingest's PlausibleTimes knows them. */
    private static final Pattern DAILY = Pattern.compile("d\\d{1,2}_text_station_5min_(\\d{4})_(\\d{2})_(\\d{2})\\.txt(\\.gz)?");
    private static final Path ORANGE = Path.of(System.getProperty("flowcast.shared.data", "../../shared/data"), "pems-d12-orange");

    @TempDir
    static Path dir;
    static SampleCorridor.Written sample;

    @BeforeAll
    static void writeSample() throws IOException {
        sample = new SampleCorridor(WEEK).writeTo(dir.resolve("source"));
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(PemsTime.ZONE).toInstant();
    }

    static FeedDelivery replay(Path source, Path inbox, FeedSpeed speed, FeedClock clock, String from, String to, long steps,
                               FeedListener listener) throws JobException {
        return ReplayService.prepare(new ReplayRequest(source, inbox, speed, Optional.ofNullable(from).map(ReplayServiceTest::at),
                Optional.ofNullable(to).map(ReplayServiceTest::at), steps > 0 ? OptionalLong.of(steps) : OptionalLong.empty()),
                clock, listener);
    }

    @Test
    void everyIntervalOfAWeekLandsAsAFileOfItsOwnHoldingTheSourceRowsInOrder() throws Exception {
        Path inbox = dir.resolve("inbox-week");
        List<String> delivered = new ArrayList<>();
        FeedSummary summary = replay(dir.resolve("source"), inbox, FeedSpeed.MAX, new FakeClock(), null, null, 0, new FeedListener() {
            @Override
            public void delivered(DeliveredFile file) {
                delivered.add(file.name());
            }
        }).run();

        List<Path> files = FeedFiles.intervalFiles(inbox);
        assertThat(files).hasSize(7 * 288 - 12);
        assertThat(summary.files()).isEqualTo(files.size());
        assertThat(summary.rows()).isEqualTo(sample.rows());
        assertThat(summary.stopped()).isFalse();
        assertThat(summary.resumeFrom()).isEmpty();
        assertThat(files.stream().map(p -> p.getFileName().toString()).toList()).as("names sort in delivery order").isEqualTo(delivered);
        assertThat(FeedFiles.lines(files)).as("the rows, in order, are the source's").isEqualTo(FeedFiles.lines(sample.files()));
        String previous = "";
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertThat(DAILY.matcher(name).matches()).as(name + " is no daily file's name").isFalse();
            Set<String> stamps = new HashSet<>();
            FeedFiles.lines(file).forEach(line -> stamps.add(line.substring(0, line.indexOf(','))));
            assertThat(stamps).as(name).hasSize(1);
            String stamp = stamps.iterator().next();
            // 03/07/2023 08:10:00 in d99_text_station_5min_2023_03_07_0810.txt
            assertThat(name).isEqualTo("d99_text_station_5min_" + stamp.substring(6, 10) + "_" + stamp.substring(0, 2) + "_"
                    + stamp.substring(3, 5) + "_" + stamp.substring(11, 13) + stamp.substring(14, 16) + ".txt");
            assertThat(name).isGreaterThan(previous);
            previous = name;
        }
        assertThat(FeedFiles.names(inbox)).as("no .part file, and the metadata beside the intervals")
                .noneMatch(n -> n.endsWith(".part") || n.startsWith(".")).contains("d99_text_meta_2023_03_06.txt");
        assertThat(inbox.resolve("d99_text_meta_2023_03_06.txt")).hasSameBinaryContentAs(sample.metadata());
        assertThat(summary.metadata()).containsExactly("d99_text_meta_2023_03_06.txt");
    }

    @Test
    void aSpeedPacesTheFilesByTheirDataTimeOnTheInjectedClock() throws Exception {
        FakeClock clock = new FakeClock();
        FeedSummary summary = replay(dir.resolve("source"), dir.resolve("inbox-paced"), new FeedSpeed(300), clock, "2023-03-07T08:00",
                null, 5, FeedListener.NONE).run();
        assertThat(summary.files()).isEqualTo(5);
        assertThat(clock.sleeps).as("the first file at once, then one a second: 5 minutes of data at 300x")
                .containsExactly(1_000_000_000L, 1_000_000_000L, 1_000_000_000L, 1_000_000_000L);
        assertThat(summary.resumeFrom()).contains(at("2023-03-07T08:25"));

        FakeClock slow = new FakeClock();
        slow.onSleep = () -> slow.advance(200_000_000L); // each wait overshoots by 0.2 s: the next is shorter, not later
        replay(dir.resolve("source"), dir.resolve("inbox-paced"), new FeedSpeed(60), slow, "2023-03-07T08:00", null, 4,
                FeedListener.NONE).run();
        assertThat(slow.sleeps).containsExactly(5_000_000_000L, 4_800_000_000L, 4_800_000_000L);

        FakeClock fastest = new FakeClock();
        replay(dir.resolve("source"), dir.resolve("inbox-paced"), FeedSpeed.MAX, fastest, null, null, 50, FeedListener.NONE).run();
        assertThat(fastest.sleeps).isEmpty();
    }

    @Test
    void fromAndToSelectTheIntervalsAndAStoppedReplayContinuesWhereItStoppedWithNoPartFileLeft() throws Exception {
        Path inbox = dir.resolve("inbox-stopped");
        FakeClock clock = new FakeClock();
        FeedDelivery[] delivery = new FeedDelivery[1];
        FeedSummary[] fromHook = new FeedSummary[1];
        clock.onSleep = () -> {
            if (clock.sleeps.size() == 3) {
                // Ctrl-C: the shutdown hook's thread stops the run while it waits for its fourth file
                Thread hook = new Thread(() -> fromHook[0] = delivery[0].stop());
                hook.start();
                boolean interrupted = false;
                while (hook.isAlive()) {
                    try {
                        hook.join();
                    } catch (InterruptedException e) {
                        interrupted = true; // the stop wakes the run: kept for the clock's sleep to see
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        delivery[0] = replay(dir.resolve("source"), inbox, new FeedSpeed(1), clock, "2023-03-07T07:00", "2023-03-07T08:00", 0,
                FeedListener.NONE);
        FeedSummary stopped = delivery[0].run();
        assertThat(Thread.currentThread().isInterrupted()).as("the stop's interrupt is spent").isFalse();
        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.files()).isEqualTo(3);
        assertThat(stopped.first()).contains(at("2023-03-07T07:00"));
        assertThat(stopped.resumeFrom()).contains(at("2023-03-07T07:15"));
        assertThat(fromHook[0].files()).isEqualTo(3);
        assertThat(FeedFiles.names(inbox)).noneMatch(n -> n.endsWith(".part"));

        FeedSummary rest = replay(dir.resolve("source"), inbox, FeedSpeed.MAX, new FakeClock(), "2023-03-07T07:15", "2023-03-07T08:00",
                0, FeedListener.NONE).run();
        assertThat(rest.files()).isEqualTo(9);
        List<Path> files = FeedFiles.intervalFiles(inbox);
        assertThat(files).hasSize(12);
        assertThat(FeedFiles.lines(files)).isEqualTo(FeedFiles.lines(sample.files().get(1)).stream()
                .filter(l -> l.startsWith("03/07/2023 07:")).toList());
    }

    @Test
    void twoRealOrangeDaysReplayRowForRow() throws Exception {
        Path days = ORANGE.resolve("station_5min");
        Assumptions.assumeTrue(Files.isDirectory(days), "skipped: " + ORANGE + " is absent (needs ../shared/data)");
        Path source = Files.createDirectories(dir.resolve("orange"));
        List<Path> daily = new ArrayList<>();
        for (String day : List.of("2022_01_05", "2022_01_06")) {
            daily.add(Files.copy(days.resolve("d12_text_station_5min_" + day + ".txt.gz"), source.resolve("d12_text_station_5min_" + day
                    + ".txt.gz")));
        }
        Files.copy(ORANGE.resolve("d12_text_meta.txt"), source.resolve("d12_text_meta.txt"));
        Path inbox = dir.resolve("inbox-orange");
        FeedSummary summary = replay(source, inbox, FeedSpeed.MAX, new FakeClock(), null, null, 0, FeedListener.NONE).run();
        List<Path> files = FeedFiles.intervalFiles(inbox);
        assertThat(files).hasSize(2 * 288);
        assertThat(files.get(98).getFileName().toString()).isEqualTo("d12_text_station_5min_2022_01_05_0810.txt");
        assertThat(FeedFiles.lines(files)).isEqualTo(FeedFiles.lines(daily));
        assertThat(summary.metadata()).containsExactly("d12_text_meta.txt");
        assertThat(inbox.resolve("d12_text_meta.txt")).hasSameBinaryContentAs(ORANGE.resolve("d12_text_meta.txt"));
    }

    @Test
    void theHourRepeatedWhenTheClocksFallBackIsDeliveredTwiceTheSecondPassWithTheFirstsRowsBeforeItsOwn() throws Exception {
        Path source = FallBackDay.write(Files.createDirectories(dir.resolve("fall-back")));
        Path inbox = dir.resolve("inbox-fall-back");
        List<String> delivered = new ArrayList<>();
        replay(source, inbox, FeedSpeed.MAX, new FakeClock(), null, null, 0, new FeedListener() {
            @Override
            public void delivered(DeliveredFile file) {
                delivered.add(file.name());
            }
        }).run();
        assertThat(delivered).hasSize(300);
        String day = "d12_text_station_5min_2022_11_06_";
        assertThat(delivered.subList(22, 37)).startsWith(day + "0150.txt", day + "0155.txt", day + "0100_pst.txt")
                .endsWith(day + "0155_pst.txt", day + "0200.txt");
        assertThat(FeedFiles.lines(inbox.resolve(day + "0105.txt"))).extracting(FallBackDay::flow).containsExactly("100", "100");
        assertThat(FeedFiles.lines(inbox.resolve(day + "0105_pst.txt"))).extracting(FallBackDay::flow)
                .containsExactly("100", "100", "200", "200");
    }

    @Test
    void aSourceOrInboxThatCannotServeIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path twice = Files.createDirectories(dir.resolve("twice"));
        Files.copy(sample.files().get(0), twice.resolve("d99_text_station_5min_2023_03_06.txt.gz"));
        Files.writeString(twice.resolve("d99_text_station_5min_2023_03_06.txt"), "");
        Path twoDistricts = Files.createDirectories(dir.resolve("two-districts"));
        Files.writeString(twoDistricts.resolve("d07_text_station_5min_2023_03_06.txt"), "");
        Files.writeString(twoDistricts.resolve("d12_text_station_5min_2023_03_06.txt"), "");
        Path source = dir.resolve("source");
        for (Object[] bad : new Object[][] {
            {dir.resolve("absent"), dir.resolve("in"), "does not exist"},
            {empty, dir.resolve("in"), "holds no PeMS daily station_5min file"},
            {twice, dir.resolve("in"), "two files of 2023-03-06"},
            {twoDistricts, dir.resolve("in"), "districts [7, 12]"},
            {source, file, "is a file"},
            {source, source, "INBOX is the SOURCE folder"}}) {
            assertThatThrownBy(() -> replay((Path) bad[0], (Path) bad[1], FeedSpeed.MAX, new FakeClock(), null, null, 0,
                    FeedListener.NONE))
                    .isInstanceOfSatisfying(JobException.class, e -> assertThat(e.usage()).isTrue())
                    .hasMessageContaining((String) bad[2]);
        }
        assertThatThrownBy(() -> replay(source, dir.resolve("in"), FeedSpeed.MAX, new FakeClock(), "2023-03-08T00:00",
                "2023-03-07T00:00", 0, FeedListener.NONE)).hasMessageContaining("--from must come before --to");
        assertThatThrownBy(() -> FeedSpeed.parse("0")).hasMessageContaining("from 0.01");
        assertThatThrownBy(() -> FeedSpeed.parse("fast")).hasMessageContaining("'max' or a number");
        assertThat(FeedSpeed.parse("300x")).isEqualTo(new FeedSpeed(300));
    }
}
