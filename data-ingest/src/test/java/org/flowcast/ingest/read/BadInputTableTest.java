package org.flowcast.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one row each: a file's content, and what must come of it (rows loaded, the lines rejected,
 * and a word of the rejection message). A new way a file can be wrong is one more row. Each bad row
 * sits beside good ones, which must still load.
 */
class BadInputTableTest {
    private static final String LONG_HEADER = "station,timestamp,flow,speed\n";
    private static final String LONG_GOOD = "7,2022-01-03 08:05:00,120,61\n";
    private static final String FIVE_GOOD = "01/03/2022 08:05:00,1205320,12,5,N,ML,.25,,100,124,0.041,56.4\n";

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                // Java's float literals and non-finite values are not readings (they trained NaN models)
                longCsv("Infinity as a flow", "7,2022-01-03 08:00:00,Infinity,60\n", "not a number"),
                longCsv("-Infinity as a speed", "7,2022-01-03 08:00:00,100,-Infinity\n", "not a number"),
                longCsv("NaN spelt out", "7,2022-01-03 08:00:00,NaN,60\n", "not a number"),
                longCsv("a float past its range", "7,2022-01-03 08:00:00,1e40,60\n", "out of range"),
                longCsv("a double suffix", "7,2022-01-03 08:00:00,100.0d,60\n", "not a number"),
                longCsv("a float suffix", "7,2022-01-03 08:00:00,100f,60\n", "not a number"),
                longCsv("a hexadecimal float", "7,2022-01-03 08:00:00,0x1p6,60\n", "not a number"),
                fiveMinute("Infinity as a Clearinghouse flow", "01/03/2022 08:00:00,1205320,12,5,N,ML,.25,,100,Infinity,0.041,56.4\n",
                        "not a number"),
                fiveMinute("a Java literal as an occupancy", "01/03/2022 08:00:00,1205320,12,5,N,ML,.25,,100,124,4e-2f,56.4\n",
                        "not a number"),
                // a station id of 0 or below is a rejected row, not the end of the command
                longCsv("station id 0", "0,2022-01-03 08:00:00,100,60\n", "positive station id"),
                longCsv("a negative station id", "-5,2022-01-03 08:00:00,100,60\n", "positive station id"),
                fiveMinute("a Clearinghouse station id of 0", "01/03/2022 08:00:00,0,12,5,N,ML,.25,,100,124,0.041,56.4\n",
                        "positive station id"));
    }

    private static Arguments longCsv(String name, String badRow, String message) {
        return Arguments.of(name, "mine.csv", LONG_HEADER + badRow + LONG_GOOD, (SensorFileReader) new LongCsvReader(), 1,
                List.of(2L), message);
    }

    private static Arguments fiveMinute(String name, String badRow, String message) {
        return Arguments.of(name, "d12_text_station_5min_2022_01_03.txt", badRow + FIVE_GOOD,
                (SensorFileReader) new StationFiveMinuteReader(), 1, List.of(1L), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadRowIsRejectedWithItsLineAndTheGoodRowsLoad(String name, String fileName, String content, SensorFileReader reader,
                                                        int loaded, List<Long> rejectedLines, String message) throws Exception {
        Path file = Files.writeString(dir.resolve(fileName), content);
        RecordingSink sink = new RecordingSink();
        reader.read(file, sink);
        assertThat(sink.readings).as("rows loaded").hasSize(loaded);
        assertThat(sink.readings).allSatisfy(r -> assertThat(Float.isFinite(r.flow())).isTrue());
        assertThat(sink.rejectLines).as("rejected lines").isEqualTo(rejectedLines);
        assertThat(sink.rejects).as("rejection message").allSatisfy(m -> assertThat(m).contains(message));
    }
}
