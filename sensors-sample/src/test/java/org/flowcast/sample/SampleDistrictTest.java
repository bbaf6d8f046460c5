package org.flowcast.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.flowcast.core.PemsTime;
import org.flowcast.core.Station;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated district: PeMS's district layout, one daily file of every station, corridors linked at junctions. */
class SampleDistrictTest {
    private static final DistrictConfig SMALL = new DistrictConfig(3, 4, 1, 11, LocalDate.of(2023, 3, 6));

    @TempDir
    static Path dir;
    static SampleDistrict.Written written;

    @BeforeAll
    static void write() throws IOException {
        written = new SampleDistrict(SMALL).writeTo(dir.resolve("a"));
    }

    @Test
    void writesOneFilePerDayHoldingEveryStationOfEveryCorridorAndOneMetadataFile() throws IOException {
        assertThat(written.files()).hasSize(7);
        assertThat(written.files().get(0).getFileName().toString()).isEqualTo("d99_text_station_5min_2023_03_06.txt.gz");
        assertThat(Files.readAllLines(written.metadata())).hasSize(1 + 12);
        assertThat(written.stations()).extracting(Station::corridor).containsExactly("5-N", "5-N", "5-N", "5-N", "5-S", "5-S", "5-S", "5-S",
                "22-E", "22-E", "22-E", "22-E");
        assertThat(written.stations().stream().map(Station::id).distinct()).hasSize(12);
        Map<Integer, Integer> rowsPerStation = new HashMap<>();
        for (String line : SampleCorridorTest.lines(written.files().get(2))) {
            rowsPerStation.merge(Integer.parseInt(line.split(",", -1)[1]), 1, Integer::sum);
        }
        assertThat(rowsPerStation.keySet()).as("a district file holds all its stations")
                .containsExactlyInAnyOrderElementsOf(written.stations().stream().map(Station::id).toList());
        assertThat(rowsPerStation.values()).allSatisfy(n -> assertThat(n).isBetween(250, 288));
    }

    @Test
    void postmilesRiseDownstreamOnNorthAndEastCorridorsAndFallOnSouthAndWestOnes() {
        Map<String, List<Double>> byCorridor = written.stations().stream().collect(Collectors.groupingBy(Station::corridor,
                LinkedHashMap::new, Collectors.mapping(Station::absolutePostmile, Collectors.toList())));
        assertThat(byCorridor.get("5-N")).isSorted();
        assertThat(byCorridor.get("22-E")).isSorted();
        List<Double> south = new ArrayList<>(byCorridor.get("5-S"));
        Collections.reverse(south);
        assertThat(south).as("driving south, the postmile falls").isSorted();
    }

    @Test
    void theSameConfigWritesTheSameRowsAndAnotherSeedOthers() throws IOException {
        SampleDistrict.Written again = new SampleDistrict(SMALL).writeTo(dir.resolve("b"));
        SampleDistrict.Written other = new SampleDistrict(new DistrictConfig(3, 4, 1, 12, SMALL.start())).writeTo(dir.resolve("c"));
        assertThat(SampleCorridorTest.lines(again.files().get(3))).isEqualTo(SampleCorridorTest.lines(written.files().get(3)));
        assertThat(SampleCorridorTest.lines(other.files().get(3))).isNotEqualTo(SampleCorridorTest.lines(written.files().get(3)));
        assertThat(again.rows()).isEqualTo(written.rows());
    }

    @Test
    void trafficHandedOverAtAJunctionRaisesTheReceivingCorridorsFlow() {
        CorridorLayout layout = CorridorLayout.generate(4, new SplittableRandom(5));
        Instant start = SMALL.start().atStartOfDay(PemsTime.ZONE).toInstant().plusSeconds(7 * 3600);
        FreewaySimulator.Run alone = new FreewaySimulator(layout, new DemandProfile(new SplittableRandom(6)), List.of(), 3000, 700,
                PemsTime.ZONE).start(start);
        FreewaySimulator.Run linked = new FreewaySimulator(layout, new DemandProfile(new SplittableRandom(6)), List.of(), 3000, 700,
                PemsTime.ZONE).start(start);
        double aloneFlow = 0;
        double linkedFlow = 0;
        for (int i = 0; i < 12; i++) {
            aloneFlow += alone.next(0).flow()[0];
            linkedFlow += linked.next(1500).flow()[0];
        }
        assertThat(linkedFlow).as("1,500 veh/h more at the entry").isGreaterThan(aloneFlow + 0.5 * 1500);
        assertThat(SampleDistrict.linkedToPrevious(1)).isTrue();
        assertThat(SampleDistrict.linkedToPrevious(3)).isFalse();
        assertThat(alone.exitFlow()).isPositive();
    }
}
