package org.flowcast.ingest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flowcast.core.Channel;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.ingest.FileIngestResult.Status;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.SeriesQuery;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one row each: the files, and what must come of the last (loaded with the lines rejected,
 * refused whole, or failed with a clear error), through a real ingest into H2. Every row ingests a good
 * file after the bad one, which must still load: one bad thing never stops good work. A new way a file
 * can be wrong is one more row.
 */
class BadInputTableTest {
    private static final String LONG_HEADER = "station,timestamp,flow,speed\n";
    private static final LocalDateTime MONDAY = LocalDateTime.of(2022, 1, 3, 0, 0);
    private static final Instant MONDAY_UTC = Instant.parse("2022-01-03T08:00:00Z");
    private static final String FIVE_MINUTE_FILE = "d12_text_station_5min_2022_01_03.txt";
    private static final int GOOD_ROWS = 40;
    private static final Pattern REJECT = Pattern.compile(":(\\d+): (.*) \\| ");

    @TempDir
    Path dir;

    /** A file to write: its name and its bytes. */
    record Input(String name, byte[] bytes) {
        static Input text(String name, String content) {
            return new Input(name, content.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A marker among the earlier inputs: a folder stands where the reject log is to be written. */
    static final Input REJECT_LOG_BLOCKED = new Input("(a folder in the place of the reject log)", new byte[0]);

    /**
     * What must come of the file: its status, rows loaded (-1: any), the lines rejected, a word of the message,
     * and optional checks of the stored series and of the result's counts.
     */
    record Outcome(Status status, long loaded, List<Long> rejectedLines, String message, SeriesCheck check, ResultCheck counts) {
        Outcome(Status status, long loaded, List<Long> rejectedLines, String message, SeriesCheck check) {
            this(status, loaded, rejectedLines, message, check, null);
        }

        Outcome check(SeriesCheck then) {
            return new Outcome(status, loaded, rejectedLines, message, then, counts);
        }

        Outcome counts(ResultCheck then) {
            return new Outcome(status, loaded, rejectedLines, message, check, then);
        }
    }

    /** A check of the file's result (its counts and warnings). */
    interface ResultCheck {
        void verify(FileIngestResult result);
    }

    /** A check of what the database then holds for the day of Monday 3 January 2022. */
    interface SeriesCheck {
        void verify(SensorSeries monday);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // 1: Java's float literals and non-finite values are not readings (they trained NaN models)
                longCsv("Infinity as a flow", "7,2022-01-03 08:00:00,Infinity,60", "not a number"),
                longCsv("-Infinity as a speed", "7,2022-01-03 08:00:00,100,-Infinity", "not a number"),
                longCsv("NaN spelt out", "7,2022-01-03 08:00:00,NaN,60", "not a number"),
                longCsv("a float past its range", "7,2022-01-03 08:00:00,1e40,60", "out of range"),
                longCsv("a double suffix", "7,2022-01-03 08:00:00,100.0d,60", "not a number"),
                longCsv("a float suffix", "7,2022-01-03 08:00:00,100f,60", "not a number"),
                longCsv("a hexadecimal float", "7,2022-01-03 08:00:00,0x1p6,60", "not a number"),
                fiveMinute("Infinity as a Clearinghouse flow", "01/03/2022 00:00:00,1205320,12,5,N,ML,.25,,100,Infinity,0.041,56.4",
                        "not a number"),
                fiveMinute("a Java literal as an occupancy", "01/03/2022 00:00:00,1205320,12,5,N,ML,.25,,100,124,4e-2f,56.4",
                        "not a number"),
                // 1: an impossible value is flagged (and read as missing) although the station's lanes are unknown
                row("a flow no station carries, lanes unknown", List.of(),
                        Input.text("mine.csv", LONG_HEADER + "7,2022-01-03 00:00:00,1e30,60\n" + longGood()),
                        new Outcome(Status.LOADED, GOOD_ROWS + 1, List.of(), "", null).check(monday ->
                                assertThat(monday.state(0, monday.stationIndex(7), Channel.FLOW)).isEqualTo(ValueState.MISSING))),
                row("an infinite flow in a tensor, which has no lane counts", List.of(Input.text("stations.txt", "401\n402\n")),
                        npz(tensorHeader(2, 2, 1), floats(100, Float.POSITIVE_INFINITY, 120, 130)),
                        new Outcome(Status.LOADED, 4, List.of(), "", null).check(monday -> {
                            assertThat(monday.state(0, monday.stationIndex(402), Channel.FLOW)).isEqualTo(ValueState.MISSING);
                            assertThat(monday.value(1, monday.stationIndex(402), Channel.FLOW)).isEqualTo(130f);
                        })),
                // 3: a flow-only web export over a station_5min day keeps the stored occupancy and speed
                row("a flow-only export over a stored day", List.of(Input.text(FIVE_MINUTE_FILE, fiveGood())),
                        Input.text("1205320.txt", "5 Minutes\tFlow (Veh/5 Minutes)\n01/03/2022 00:00\t99\n01/03/2022 00:05\t98\n"),
                        new Outcome(Status.LOADED, 2, List.of(), "", null).check(monday -> {
                            int s = monday.stationIndex(1205320);
                            assertThat(monday.value(0, s, Channel.FLOW)).isEqualTo(99f);
                            assertThat(monday.value(0, s, Channel.OCCUPANCY)).isEqualTo(0.041f);
                            assertThat(monday.value(1, s, Channel.SPEED)).isEqualTo(56.4f);
                        })),
                // #24: a bad share observed is not a bad flow: the row is kept, its share unknown
                row("a web export's unreadable % Observed", List.of(),
                        Input.text("1205320.txt", "5 Minutes,Flow (Veh/5 Minutes),% Observed\n01/03/2022 00:00,99,n/a\n"
                                + "01/03/2022 00:05,98,100\n"),
                        new Outcome(Status.LOADED, 2, List.of(), "", null).check(monday -> {
                            int s = monday.stationIndex(1205320);
                            assertThat(monday.value(0, s, Channel.FLOW)).isEqualTo(99f);
                            assertThat(monday.state(0, s, Channel.FLOW)).isNotEqualTo(ValueState.MISSING);
                        })),
                // #24: a spreadsheet's quoted "1,234" is read through the quoting, in a line among unquoted ones
                row("a web export's quoted thousands", List.of(),
                        Input.text("1205320.txt", "5 Minutes,Flow (Veh/5 Minutes)\n01/03/2022 00:00,\"1,234\"\n01/03/2022 00:05,98\n"),
                        new Outcome(Status.LOADED, 2, List.of(), "", null).check(monday ->
                                assertThat(monday.value(0, monday.stationIndex(1205320), Channel.FLOW)).isEqualTo(1234f))),
                // #24: a web export whose name holds no id, in a folder that is not one either, is that file's error
                row("a web export named by no station", List.of(),
                        Input.text("week1.csv", "5 Minutes,Flow (Veh/5 Minutes)\n01/03/2022 00:00,99\n"),
                        failed("neither its name nor its folders' names is a station id")),
                // 4: rows of the fall-back hour out of time order cannot be told apart: rejected, named
                row("the fall-back hour out of time order", List.of(),
                        Input.text("d12_text_station_5min_2022_11_06.txt", fallBackInterleaved()),
                        new Outcome(Status.LOADED, 24 + 2 * 276, List.of(13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L, 24L,
                                25L, 26L, 27L, 28L, 29L, 30L, 31L, 32L, 33L, 34L, 35L, 36L), "ambiguous fall-back hour", null)),
                // 5: a station id of 0 or below is a rejected row, not the end of the command
                longCsv("station id 0", "0,2022-01-03 08:00:00,100,60", "positive station id"),
                longCsv("a negative station id", "-5,2022-01-03 08:00:00,100,60", "positive station id"),
                fiveMinute("a Clearinghouse station id of 0", "01/03/2022 00:00:00,0,12,5,N,ML,.25,,100,124,0.041,56.4",
                        "positive station id"),
                row("a negative id in a tensor's station list", List.of(Input.text("stations.txt", "401\n-5\n")),
                        npz(tensorHeader(2, 2, 1), floats(1, 2, 3, 4)), failed("positive station id")),
                // 6: a small file that would fill the heap is that file's clear error
                row("a gzip holding one line of 10 MB", List.of(), gzip("big.csv", LONG_HEADER + "7,2022-01-03 08:00:00,"
                        + "1".repeat(10_000_000) + "\n" + longGood()), failed("line 2 is longer than")),
                row("a line one character past the bound, ended by a newline", List.of(), Input.text(FIVE_MINUTE_FILE, fiveGood()
                        + "01/03/2022 05:00:00,1205320," + "1".repeat(100_001 - 28) + "\n" + fiveGood()), failed("line 41 is longer than")),
                row("a tensor declaring 500M values in a small entry", List.of(Input.text("stations.txt", "401\n")),
                        npz("{'descr': '<f4', 'fortran_order': False, 'shape': (500000000, 1, 1), }", floats(1, 2, 3, 4)),
                        failed("holds only 16 bytes")),
                // 7: a malformed .npy shape says so
                row("a .npy shape holding -1", List.of(Input.text("stations.txt", "401\n")),
                        npz("{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 1, 1), }", floats(1)), failed("not a whole number")),
                row("a .npy shape holding a string", List.of(Input.text("stations.txt", "401\n")),
                        npz("{'descr': '<f4', 'fortran_order': False, 'shape': ('a', 1, 1), }", floats(1)), failed("not a whole number")),
                row("a .npy shape past int", List.of(Input.text("stations.txt", "401\n")),
                        npz("{'descr': '<f4', 'fortran_order': False, 'shape': (9999999999, 1, 1), }", floats(1)),
                        failed("not a whole number")),
                // 8: a text value the store cannot hold rejects its row, with its line
                row("a 250-character station name", List.of(), Input.text("d12_text_meta_2022_01_03.txt", Fixtures.META_HEADER + "\n"
                                + Fixtures.metaRow(1205320, 5, "N", 1.0, 4, "x".repeat(250)) + "\n"
                                + String.join("\n", IntStream.range(1, GOOD_ROWS).mapToObj(i ->
                                Fixtures.metaRow(1205320 + i, 5, "N", 1.0 + i, 4, "Station " + i)).toList()) + "\n"),
                        new Outcome(Status.LOADED, GOOD_ROWS - 1, List.of(2L), "Name holds at most 200 characters", null)),
                row("a negative lane count in metadata", List.of(), Input.text("d12_text_meta_2022_01_03.txt", Fixtures.META_HEADER + "\n"
                                + Fixtures.metaRow(1205320, 5, "N", 1.0, -2, "Bad") + "\n"
                                + String.join("\n", IntStream.range(1, GOOD_ROWS).mapToObj(i ->
                                Fixtures.metaRow(1205320 + i, 5, "N", 1.0 + i, 4, "Station " + i)).toList()) + "\n"),
                        new Outcome(Status.LOADED, GOOD_ROWS - 1, List.of(2L), "Lanes must not be negative", null)),
                fiveMinute("the direction North in a 5-minute file", "01/03/2022 00:00:00,1205320,12,5,North,ML,.25,,100,124,0.041,56.4",
                        "Direction holds at most 4 characters"),
                // 11: a truncated gzip says so
                row("a gzip without its trailer", List.of(), truncatedGzip("d12_text_station_5min_2022_01_04.txt.gz", fiveGood()),
                        failed("the file is truncated")),
                // 14: a misspelt optional column is named, not dropped without a word
                row("a misspelt speed column", List.of(), Input.text("mine.csv", "station,timestamp,flow,sped\n" + longGood()),
                        new Outcome(Status.LOADED, GOOD_ROWS, List.of(), "[sped] are not read", null)),
                // 14: a refused file lists its first 1,000 bad rows in the reject log, and says how many more there were
                row("a file of 1,500 bad rows", List.of(), Input.text("mine.csv", LONG_HEADER
                                + "7,2022-01-03 08:00:00,x,60\n".repeat(1500)),
                        new Outcome(Status.REFUSED, 0, LongStream.rangeClosed(2, 1001).boxed().toList(),
                                "500 more rejected rows of this file are not listed", null)),
                // 14: a damaged first line does not hide the format of the rows after it
                row("a garbage first line before station_5min rows", List.of(),
                        Input.text(FIVE_MINUTE_FILE, "#@!garbage\n" + fiveGood()),
                        new Outcome(Status.LOADED, GOOD_ROWS, List.of(1L), "expected at least 12", null)),
                // #39.1: a row far outside its daily file's day, or in the future, would stretch the stored range to it
                row("a station_5min row re-dated to 2099", List.of(),
                        Input.text(FIVE_MINUTE_FILE, fiveGood() + "01/03/2099 08:00:00,1205320,12,5,N,ML,.25,,100,120,0.041,56.4\n"),
                        new Outcome(Status.LOADED, GOOD_ROWS, List.of(41L), "outside the day 2022-01-03", null)),
                row("a station_5min row of the next week", List.of(),
                        Input.text(FIVE_MINUTE_FILE, fiveGood() + "01/10/2022 08:00:00,1205320,12,5,N,ML,.25,,100,120,0.041,56.4\n"),
                        new Outcome(Status.LOADED, GOOD_ROWS, List.of(41L), "outside the day 2022-01-03", null)),
                longCsv("a long CSV row dated 2099", "7,2099-01-03 08:00:00,100,60", "in the future"),
                longCsv("a long CSV row dated 1985", "7,1985-01-03 08:00:00,100,60", "before 1990"),
                row("a daily file dated 2099", List.of(), Input.text("d12_text_station_5min_2099_01_03.txt",
                                fiveGood().replace("01/03/2022", "01/03/2099")),
                        new Outcome(Status.REFUSED, 0, LongStream.rangeClosed(1, GOOD_ROWS).boxed().toList(),
                                "its name dates it 2099-01-03, in the future", null)),
                // #39.2: a row whose fields do not fit a lane layout is shifted, not read
                fiveMinute("a Total Flow written 1,5 in the real layout", "01/03/2022 00:00:00,1205320,12,5,N,ML,.25,,100,1,5,0.041,56.4"
                        + ",".repeat(20), "33 fields"),
                fiveMinute("one extra comma in a row with lane fields", Fixtures.row(MONDAY, 1205320, 300, 0.05, 65, 100)
                        .replace(",300,", ",3,00,"), "23 fields"),
                row("a station's row with fewer lanes than its first", List.of(), Input.text(FIVE_MINUTE_FILE,
                                Fixtures.row(MONDAY, 1205330, 300, 0.05, 65, 100) + "\n"
                                        + Fixtures.row(MONDAY.plusMinutes(5), 1205330, 300, 0.05, 65,
                                                100).replaceFirst(",10,150,[^,]*,[^,]*,1$", "")
                                        + "\n" + fiveGood()),
                        new Outcome(Status.LOADED, GOOD_ROWS + 1, List.of(2L), "1 lane(s) here but 2 on line 1", null)),
                // #39.3: a file keeps one timestamp format; a conflicting repeat is reported, not counted as a duplicate
                row("an ISO time among MM/dd/yyyy rows before the real reading", List.of(), Input.text(FIVE_MINUTE_FILE,
                                fiveGood().lines().findFirst().orElseThrow()
                                        + "\n2022-01-03 01:00:00,1205320,12,5,N,ML,.25,,100,999,0.041,56.4\n"
                                        + fiveGood().lines().skip(1).collect(Collectors.joining("\n")) + "\n"),
                        new Outcome(Status.LOADED, GOOD_ROWS, List.of(2L), "not in the file's timestamp format MM/dd/yyyy HH:mm:ss", null)
                                .check(monday -> assertThat(monday.value(12, monday.stationIndex(1205320), Channel.FLOW)).isEqualTo(132f))),
                row("two rows of one station and time with different flows", List.of(), Input.text(FIVE_MINUTE_FILE,
                                "01/03/2022 00:00:00,1205320,12,5,N,ML,.25,,100,500,0.041,56.4\n" + fiveGood()),
                        new Outcome(Status.LOADED, GOOD_ROWS, List.of(2L), "conflicts with line 1", null).counts(r -> {
                            assertThat(r.duplicates()).as("duplicates").isZero();
                            assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("1 conflicting row", "lines 1 and 2"));
                        })),
                row("a row repeated exactly", List.of(), Input.text(FIVE_MINUTE_FILE, fiveGood()
                        + fiveGood().lines().findFirst().orElseThrow()
                                + "\n"),
                        new Outcome(Status.LOADED, GOOD_ROWS, List.of(), "", null).counts(r -> {
                            assertThat(r.duplicates()).as("duplicates").isEqualTo(1);
                            assertThat(r.rejected()).isZero();
                        })),
                row("a US time among a long CSV's ISO times", List.of(),
                        Input.text("mine.csv", LONG_HEADER + longGood() + "7,01/03/2022 08:00:00,100,60\n"),
                        new Outcome(Status.LOADED, GOOD_ROWS, List.of(42L), "not in the file's timestamp format yyyy-MM-dd HH:mm:ss",
                                null)),
                // #39.4: every metadata row read is accounted for; a second, different description of an id is rejected
                row("a metadata id described twice, differently", List.of(), Input.text("d12_text_meta_2022_01_03.txt",
                                metadata(Fixtures.metaRow(1205321, 57, "S", 9.0, 4, "Moved"))),
                        new Outcome(Status.LOADED, GOOD_ROWS - 1, List.of(GOOD_ROWS + 1L), "station 1205321 is described on line 2", null)
                                .counts(BadInputTableTest::everyRowAccountedFor)),
                row("a metadata row repeated exactly", List.of(), Input.text("d12_text_meta_2022_01_03.txt",
                                metadata(Fixtures.metaRow(1205321, 5, "N", 2.0, 4, "Station 1"))),
                        new Outcome(Status.LOADED, GOOD_ROWS - 1, List.of(), "", null).counts(r -> {
                            assertThat(r.duplicates()).as("duplicates").isEqualTo(1);
                            everyRowAccountedFor(r);
                        })),
                // #39.5: an absurd lane count would lift the capacity check past any flow
                row("99,999 lanes in metadata", List.of(), Input.text("d12_text_meta_2022_01_03.txt",
                                metadata(Fixtures.metaRow(1205360, 5, "N", 9.0, 99_999, "Wide"))),
                        new Outcome(Status.LOADED, GOOD_ROWS - 1, List.of(GOOD_ROWS + 1L), "Lanes must lie between 1 and 10", null)),
                row("a flow of 60,000 at a station given 99,999 lanes", List.of(Input.text("d12_text_meta_2022_01_03.txt",
                                metadata(Fixtures.metaRow(1205360, 5, "N", 9.0, 99_999, "Wide")))),
                        Input.text(FIVE_MINUTE_FILE, "01/03/2022 00:00:00,1205360,12,5,N,ML,.25,,100,60000,0.041,56.4\n" + fiveGood()),
                        new Outcome(Status.LOADED, GOOD_ROWS + 1, List.of(), "", null).check(monday ->
                                assertThat(monday.state(0, monday.stationIndex(1205360), Channel.FLOW)).isEqualTo(ValueState.MISSING))),
                // #39.A: a small number as a file's name inside a folder named by a station is a week, not a station
                row("a week's file 11.csv in the folder of station 1205320", List.of(),
                        Input.text("1205320/11.csv", "5 Minutes,Flow (Veh/5 Minutes)\n01/03/2022 00:00,99\n01/03/2022 00:05,98\n"),
                        new Outcome(Status.LOADED, 2, List.of(), "", null).check(monday ->
                                assertThat(monday.value(0, monday.stationIndex(1205320), Channel.FLOW)).isEqualTo(99f))),
                row("a week's file 3.txt in the folder station25", List.of(),
                        Input.text("station25/3.txt", "5 Minutes,Flow (Veh/5 Minutes)\n01/03/2022 00:00,99\n01/03/2022 00:05,98\n"),
                        new Outcome(Status.LOADED, 2, List.of(), "station 25 taken from the name 'station25'", null).check(monday ->
                                assertThat(monday.value(0, monday.stationIndex(25), Channel.FLOW)).isEqualTo(99f))),
                row("a file named by one station in the folder of another", List.of(),
                        Input.text("1205320/1205330.txt", "5 Minutes,Flow (Veh/5 Minutes)\n01/03/2022 00:00,99\n"),
                        new Outcome(Status.LOADED, 1, List.of(), "station 1205330 taken from the name '1205330.txt'; the folder "
                                + "'1205320' names station 1205320", null)),
                // #39.B: a web export re-saved by a spreadsheet keeps its times readable
                row("a web export re-saved as 2022/1/3 0:00", List.of(),
                        Input.text("1205320.txt", "5 Minutes,Flow (Veh/5 Minutes)\n2022/1/3 0:00,99\n2022/1/3 0:05,98\n"),
                        new Outcome(Status.LOADED, 2, List.of(), "", null).check(monday ->
                                assertThat(monday.value(1, monday.stationIndex(1205320), Channel.FLOW)).isEqualTo(98f))),
                row("a web export re-saved as 2022-1-3 0:05", List.of(),
                        Input.text("1205320.txt", "5 Minutes,Flow (Veh/5 Minutes)\n2022-1-3 0:00,99\n2022-1-3 0:05,98\n"),
                        new Outcome(Status.LOADED, 2, List.of(), "", null).check(monday ->
                                assertThat(monday.value(1, monday.stationIndex(1205320), Channel.FLOW)).isEqualTo(98f))),
                row("a web export of day-first times", List.of(),
                        Input.text("1205320.txt", "5 Minutes,Flow (Veh/5 Minutes)\n3.1.2022 00:00,99\n3.1.2022 00:05,98\n"),
                        new Outcome(Status.REFUSED, 0, List.of(2L, 3L), "yyyy/MM/dd HH:mm[:ss]", null)),
                // #39.13: small things, each said as it is
                row("a tensor of unsigned 16-bit values", List.of(Input.text("stations.txt", "401\n")),
                        npz("{'descr': '<u2', 'fortran_order': False, 'shape': (2, 1, 1), }", new byte[4]),
                        failed("data type '<u2'")),
                row("a stations.txt of the wrong length", List.of(Input.text("stations.txt", "401\n")),
                        npz(tensorHeader(2, 2, 1), floats(1, 2, 3, 4)), failed("stations.txt lists 1 station id(s) but the tensor has 2")),
                row("a tensor of NaN only", List.of(Input.text("stations.txt", "401\n402\n")),
                        npz(tensorHeader(2, 2, 1), floats(Float.NaN, Float.NaN, Float.NaN, Float.NaN)),
                        failed("none of its 4 readings holds a value")),
                row("a tensor with one step of NaN", List.of(Input.text("stations.txt", "401\n402\n")),
                        npz(tensorHeader(2, 2, 1), floats(Float.NaN, Float.NaN, 120, 130)),
                        new Outcome(Status.LOADED, 2, List.of(), "2 of its 4 readings hold no value", null)),
                row("a station listed twice for a tensor", List.of(Input.text("stations.txt", "401\n402\n401\n")),
                        npz(tensorHeader(1, 3, 1), floats(1, 2, 3)), failed("station 401 is listed twice, on lines 1 and 3")),
                row("a station_5min file with a header line", List.of(), Input.text(FIVE_MINUTE_FILE, "Timestamp,Station,District,"
                                + "Freeway #,Direction,Lane Type,Station Length,Samples,% Observed,Total Flow,Avg Occupancy,Avg Speed\n"
                                + fiveGood()),
                        new Outcome(Status.LOADED, GOOD_ROWS, List.of(), "line 1 is a header", null)),
                // #39 second round, 11: said in the file's words and with its line, not the parser's
                row("a decimal comma in a long CSV", List.of(), Input.text("mine.csv", LONG_HEADER + "7,2022-01-03 08:00:00,12,5,60\n"
                                + longGood()), failed("line 2 has 5 fields where the header has 4: a decimal comma (12,5)?")),
                longCsv("a quoted decimal comma in a long CSV", "7,2022-01-03 08:00:00,\"12,5\",60",
                        "(a decimal comma: write 12.5)"),
                row("a long CSV separated by semicolons", List.of(), Input.text("mine.csv", "station;timestamp;flow;speed\n"
                                + "7;2022-01-03 08:00:00;12,5;60\n"),
                        failed("line 2 has 2 fields where the header has 1: the header is one field: are the fields separated by ';'")),
                row("a long CSV's header repeated inside it", List.of(), Input.text("mine.csv", LONG_HEADER
                                + longGood().lines().limit(20).collect(Collectors.joining("\n", "", "\n")) + LONG_HEADER
                                + longGood().lines().skip(20).collect(Collectors.joining("\n", "", "\n"))),
                        new Outcome(Status.LOADED, GOOD_ROWS, List.of(), "line 22 repeats the header: skipped", null)),
                row("a Latin-1 byte in a long CSV", List.of(), new Input("mine.csv", latin1(LONG_HEADER + longGood(), 5)),
                        failed("line 5 holds a byte that is not UTF-8 text")),
                row("a Latin-1 byte in a station_5min file", List.of(), new Input(FIVE_MINUTE_FILE, latin1(fiveGood(), 3)),
                        failed("line 3 holds a byte that is not UTF-8 text")),
                // 8: a direction no freeway corridor has is loaded, and said with its line
                row("a metadata Dir of n/a", List.of(), Input.text("d12_text_meta_2022_01_03.txt",
                                metadata(Fixtures.metaRow(1205360, 5, "n/a", 9.0, 4, "Nowhere"))),
                        new Outcome(Status.LOADED, GOOD_ROWS, List.of(), "line 41: station 1205360 'n/a'", null)),
                row("a reject log that cannot be written", List.of(REJECT_LOG_BLOCKED),
                        Input.text("mine.csv", LONG_HEADER + "7,2022-01-03 08:00:00,x,60\n" + longGood()),
                        failed("could not write the reject log")));
    }

    /** A metadata file of the good stations (ids 1205321 on) and then {@code extra}, on the last line. */
    private static String metadata(String extra) {
        return Fixtures.META_HEADER + "\n" + String.join("\n", IntStream.range(1, GOOD_ROWS).mapToObj(i ->
                Fixtures.metaRow(1205320 + i, 5, "N", 1.0 + i, 4, "Station " + i)).toList()) + "\n" + extra + "\n";
    }

    private static void everyRowAccountedFor(FileIngestResult r) {
        assertThat(r.loaded() + r.duplicates() + r.rejected()).as("loaded + duplicates + rejected of " + r.rowsRead() + " read")
                .isEqualTo(r.rowsRead());
    }

    private static Arguments row(String name, List<Input> earlier, Input file, Outcome outcome) {
        return Arguments.of(name, earlier, file, outcome);
    }

    private static Arguments longCsv(String name, String badRow, String message) {
        return row(name, List.of(), Input.text("mine.csv", LONG_HEADER + badRow + "\n" + longGood()),
                new Outcome(Status.LOADED, GOOD_ROWS, List.of(2L), message, null));
    }

    private static Arguments fiveMinute(String name, String badRow, String message) {
        return row(name, List.of(), Input.text(FIVE_MINUTE_FILE, badRow + "\n" + fiveGood()),
                new Outcome(Status.LOADED, GOOD_ROWS, List.of(1L), message, null));
    }

    private static Outcome failed(String message) {
        return new Outcome(Status.FAILED, 0, List.of(), message, null);
    }

    private static String longGood() {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= GOOD_ROWS; i++) {
            rows.append("7,").append(MONDAY.plusMinutes(5L * i).toString().replace('T', ' ')).append(":00,").append(100
                    + i).append(",61\n");
        }
        return rows.toString();
    }

    private static String fiveGood() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < GOOD_ROWS; i++) {
            rows.append(Fixtures.PEMS_TIME.format(MONDAY.plusMinutes(5L * i))).append(",1205320,12,5,N,ML,.25,,100,")
                    .append(120 + i).append(",0.041,56.4\n");
        }
        return rows.toString();
    }

    /**
     * Station 101 at local 00:00–02:55 on the fall-back day, the hour 01:xx given twice per time instead of
     * pass after pass (lines 13 to 36); then two stations over the rest of the day, in order.
     */
    private static String fallBackInterleaved() {
        LocalDateTime day = LocalDateTime.of(2022, 11, 6, 0, 0);
        List<String> rows = new ArrayList<>();
        for (int m = 0; m < 180; m += 5) {
            rows.add(Fixtures.row(day.plusMinutes(m), 101, 10 + m, 0.05, 65, 100));
            if (m >= 60 && m < 120) {
                rows.add(Fixtures.row(day.plusMinutes(m), 101, 300 + m, 0.05, 65, 100));
            }
        }
        for (int m = 0; m < 24 * 60; m += 5) {
            if (m < 60 || m >= 120) {
                rows.add(Fixtures.row(day.plusMinutes(m), 102, 50, 0.05, 65, 100));
                rows.add(Fixtures.row(day.plusMinutes(m), 103, 60, 0.05, 65, 100));
            }
        }
        return String.join("\n", rows) + "\n";
    }

    /** The text as UTF-8, with a Latin-1 'é' (0xE9, no UTF-8) at the end of its line {@code line}. */
    private static byte[] latin1(String text, int line) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int at = -1;
        for (int i = 0; i < line; i++) {
            at = text.indexOf('\n', at + 1);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(utf8, 0, at);
        bytes.write(0xE9);
        bytes.write(utf8, at, utf8.length - at);
        return bytes.toByteArray();
    }

    private static Input gzip(String name, String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Input(name, bytes.toByteArray());
    }

    private static Input truncatedGzip(String name, String content) {
        byte[] whole = gzip(name, content).bytes();
        return new Input(name, Arrays.copyOf(whole, whole.length - 8));
    }

    private static String tensorHeader(int steps, int stations, int channels) {
        return "{'descr': '<f4', 'fortran_order': False, 'shape': (" + steps + ", " + stations + ", " + channels + "), }";
    }

    private static byte[] floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }

    /** A {@code .npz} whose {@code data.npy} has this header and these data bytes. */
    private static Input npz(String header, byte[] data) {
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        npy.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        npy.writeBytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
        npy.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        npy.writeBytes(data);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("data.npy"));
            zip.write(npy.toByteArray());
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Input("tensor.npz", bytes.toByteArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadInputHasItsOutcomeAndTheGoodFileAfterItLoads(String name, List<Input> earlier, Input input, Outcome expected)
            throws Exception {
        Path folder = Files.createDirectories(dir.resolve("in"));
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("db/flowcast"))) {
            Ingester ingester = new Ingester(db, IngestOptions.defaults().withTensorStart(MONDAY_UTC), IngestListener.NONE);
            for (Input e : earlier) {
                if (e == REJECT_LOG_BLOCKED) {
                    Files.createDirectories(db.rejectLog());
                    continue;
                }
                Path file = Files.write(Files.createDirectories(folder.resolve(e.name()).getParent()).resolve(
                        Path.of(e.name()).getFileName()), e.bytes());
                if (!e.name().equals("stations.txt")) {
                    assertThat(ingester.ingest(List.of(file)).get(0).status()).as("earlier file " + e).isEqualTo(Status.LOADED);
                }
            }
            Path file = Files.write(Files.createDirectories(folder.resolve(input.name()).getParent()).resolve(
                    Path.of(input.name()).getFileName()), input.bytes());
            Path good = Files.writeString(dir.resolve("good.csv"), LONG_HEADER + "99,2022-01-03 00:00:00,10,60\n");
            List<FileIngestResult> results = ingester.ingest(List.of(file, good));
            FileIngestResult result = results.stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();

            assertThat(result.status()).as(result.message()).isEqualTo(expected.status());
            if (expected.loaded() >= 0) {
                assertThat(result.loaded()).as("rows loaded").isEqualTo(expected.loaded());
            }
            List<Long> lines = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            StringBuilder logged = new StringBuilder();
            if (Files.isRegularFile(db.rejectLog())) {
                for (String logLine : Files.readAllLines(db.rejectLog())) {
                    Matcher m = REJECT.matcher(logLine);
                    if (logLine.startsWith(file.toString())) {
                        logged.append(logLine).append('\n');
                        if (m.find()) {
                            lines.add(Long.parseLong(m.group(1)));
                            messages.add(m.group(2));
                        }
                    }
                }
            }
            assertThat(lines).as("rejected lines").isEqualTo(expected.rejectedLines());
            if (expected.status() == Status.LOADED && !lines.isEmpty()) {
                assertThat(messages).as("rejection messages").allSatisfy(m -> assertThat(m).contains(expected.message()));
            } else if (expected.status() == Status.LOADED) {
                assertThat(String.join("\n", result.warnings())).as("warnings").contains(expected.message());
            } else if (expected.status() == Status.REFUSED) {
                assertThat(String.join("\n", result.warnings()) + result.message() + logged).contains(expected.message());
            } else {
                // the message names the file at fault: the input, or the station list beside it
                assertThat(result.message()).startsWith(folder.toString()).contains(expected.message());
            }
            assertThat(results.stream().filter(r -> r.file().equals(good)).findFirst().orElseThrow().status())
                    .as("the good file after it").isEqualTo(Status.LOADED);
            if (expected.counts() != null) {
                expected.counts().verify(result);
            }
            if (expected.check() != null) {
                SeriesQuery query = new SeriesQuery(db);
                expected.check().verify(query.stations(query.stationsWithReadings().stream().sorted().toList(),
                        new TimeRange(MONDAY_UTC, MONDAY_UTC.plusSeconds(86_400))));
            }
        }
    }
}
