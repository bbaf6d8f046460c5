package org.flowcast.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deliberate shift of the sample's traffic: the days before it are untouched, the days from it changed as asked. */
class TrafficShiftTest {
    /** One week from Monday 6 March 2023; the shift from day 4 (Thursday 9 March). */
    private static final SampleConfig WEEK = new SampleConfig(6, 1, 7, LocalDate.of(2023, 3, 6));
    private static final int SHIFT_DAY = 4;
    /** The last station, downstream of the lane drop: three lanes, two with the closure. */
    private static final int CLOSED = 990006;

    @TempDir
    static Path dir;
    static SampleCorridor.Written plain;
    static SampleCorridor.Written busier;
    static SampleCorridor.Written closed;

    @BeforeAll
    static void write() throws IOException {
        plain = new SampleCorridor(WEEK).writeTo(dir.resolve("plain"));
        busier = new SampleCorridor(WEEK, new TrafficShift(1.2, 0, SHIFT_DAY)).writeTo(dir.resolve("busier"));
        closed = new SampleCorridor(WEEK, new TrafficShift(1, CLOSED, SHIFT_DAY)).writeTo(dir.resolve("closed"));
    }

    @Test
    void theDaysBeforeTheShiftAreTheSameBytesAndEveryDayFromItDiffers() throws IOException {
        for (int day = 0; day < 7; day++) {
            boolean before = day + 1 < SHIFT_DAY;
            assertThat(sameBytes(busier, day)).as("demand shift, day %d", day + 1).isEqualTo(before);
            // the closure changes a day only where its traffic needs the closed lane: surely the weekdays (a quiet Sunday may not)
            if (before || day < 5) {
                assertThat(sameBytes(closed, day)).as("lane closure, day %d", day + 1).isEqualTo(before);
            }
        }
        assertThat(Files.readString(busier.metadata())).isEqualTo(Files.readString(plain.metadata()));
    }

    @Test
    void aDemandShiftScalesTheFlowEnteringTheCorridorByAboutItsFactor() throws IOException {
        assertThat(flow(busier, 990001, 0, SHIFT_DAY - 1) / flow(plain, 990001, 0, SHIFT_DAY - 1)).isEqualTo(1.0);
        assertThat(flow(busier, 990001, SHIFT_DAY - 1, 7) / flow(plain, 990001, SHIFT_DAY - 1, 7)).isCloseTo(1.2, Offset.offset(0.05));
    }

    @Test
    void aLaneClosureCutsTheStationsThroughputInThePeaks() throws IOException {
        double plainPeak = peakFlow(plain, CLOSED, SHIFT_DAY - 1, 5);
        double closedPeak = peakFlow(closed, CLOSED, SHIFT_DAY - 1, 5);
        assertThat(closedPeak).as("two lanes of three carry at most 2 x 2,000 veh/h: about 333 vehicles in 5 minutes")
                .isLessThan(plainPeak * 0.85).isLessThan(380);
        assertThat(peakFlow(closed, CLOSED, 0, SHIFT_DAY - 1)).isEqualTo(peakFlow(plain, CLOSED, 0, SHIFT_DAY - 1));
    }

    @Test
    void aShiftOfNoStationOfTheSampleOrPastItsEndIsRefused() {
        assertThatThrownBy(() -> new SampleCorridor(WEEK, new TrafficShift(1, 990007, 2))).hasMessageContaining("990001 to 990006");
        assertThatThrownBy(() -> new SampleCorridor(WEEK, new TrafficShift(1.2, 0, 8))).hasMessageContaining("past the sample's 7 days");
        assertThatThrownBy(() -> new TrafficShift(0, 0, 2)).hasMessageContaining("from 0.1 to 5");
        DistrictConfig district = new DistrictConfig(2, 3, 1, 1, WEEK.start());
        assertThatThrownBy(() -> new SampleDistrict(district, new TrafficShift(1, 9903001, 2))).hasMessageContaining("9901001 to 9902003");
        assertThat(new TrafficShift(1.2, 9902003, 2).label()).isEqualTo("demand x1.2 and a lane closed at 9902003 from day 2");
    }

    private static boolean sameBytes(SampleCorridor.Written shifted, int day) throws IOException {
        return Arrays.equals(Files.readAllBytes(plain.files().get(day)), Files.readAllBytes(shifted.files().get(day)));
    }

    /** The vehicles counted at a station over days {@code from} (0 first) to {@code to} (exclusive). */
    private static double flow(SampleCorridor.Written sample, int station, int from, int to) throws IOException {
        double total = 0;
        for (String[] f : rows(sample, station, from, to)) {
            total += f[9].isEmpty() ? 0 : Double.parseDouble(f[9]);
        }
        return total;
    }

    private static double peakFlow(SampleCorridor.Written sample, int station, int from, int to) throws IOException {
        double peak = 0;
        for (String[] f : rows(sample, station, from, to)) {
            // rows of a working detector only: a dead one's are PeMS's imputed values
            peak = f[9].isEmpty() || f[8].equals("0") ? peak : Math.max(peak, Double.parseDouble(f[9]));
        }
        return peak;
    }

    private static List<String[]> rows(SampleCorridor.Written sample, int station, int from, int to) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (Path file : sample.files().subList(from, to)) {
            for (String line : SampleCorridorTest.lines(file)) {
                String[] f = line.split(",", -1);
                if (Integer.parseInt(f[1]) == station) {
                    rows.add(f);
                }
            }
        }
        return rows;
    }
}
