package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowcast replay} and {@code flowcast sample --district --live} end to end, and the feed's files ingested. */
class LiveFeedCommandsTest {
    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replayDeliversTheSampleAndSaysWhereToContinue() throws Exception {
        Path sample = dir.resolve("sample");
        Result written = FlowcastCommandTest.run("sample", "--stations", "3", "--weeks", "1", "--start", "2023-03-06", "--out",
                sample.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        Path inbox = dir.resolve("inbox");
        Result replay = FlowcastCommandTest.run("replay", sample.toString(), inbox.toString(), "--speed", "max", "--from",
                "2023-03-07T08:00", "--steps", "24");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("Copied d99_text_meta_2023_03_06.txt", "2023-03-07: 24 files",
                "Delivered 24 interval file(s)", "2023-03-07 08:00 PST to 2023-03-07 09:55 PST",
                "Continue with: flowcast replay " + sample + " " + inbox + " --speed max --from 2023-03-07T10:00");
        List<String> names = names(inbox);
        assertThat(names).hasSize(25).contains("d99_text_meta_2023_03_06.txt", "d99_text_station_5min_2023_03_07_0800.txt",
                "d99_text_station_5min_2023_03_07_0955.txt").noneMatch(n -> n.endsWith(".part"));

        Result help = FlowcastCommandTest.run("replay", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("dNN_text_station_5min_YYYY_MM_DD_HHMM.txt", ".NAME.part",
                "renamed to NAME in one atomic step",
                "--speed", "--from", "--to", "--steps");
    }

    @Test
    void theLiveDistrictFeedIngestsEveryRow() throws Exception {
        Path inbox = dir.resolve("inbox");
        Result feed = FlowcastCommandTest.run("sample", "--district", "--corridors", "2", "--stations", "3", "--weeks", "1",
                "--live", inbox.toString(), "--speed", "max", "--days", "1", "--demand-shift", "1.2", "--shift-from", "2");
        assertThat(feed.exitCode()).as(feed.err()).isZero();
        assertThat(feed.out()).contains("Feeding the sample district (2 corridors of 3 stations, seed 42, demand x1.2 from day 2",
                "Delivered 288 interval file(s)");
        long rows = Long.parseLong(feed.out().replaceAll("(?s).*Delivered 288 interval file\\(s\\), ([0-9,]+) rows.*", "$1")
                .replace(",", ""));
        Result ingest = FlowcastCommandTest.run("ingest", "--db", dir.resolve("db/flowcast").toString(), inbox.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        // the metadata's 6 stations, then every row of the feed, none rejected (a detector's empty rows are read, not stored)
        assertThat(ingest.out()).contains(String.format(Locale.ROOT, "289 files, %,d rows read", rows + 6)).doesNotContain("Rejected rows");
    }
}
