package org.flowcast.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowcast.core.Station;

/**
 * Makes a simulated district: many corridors, each a freeway direction simulated as the sample corridor
 * is ({@link FreewaySimulator}, its own geometry, incidents, faults and demand), side by side in time,
 * and written as PeMS publishes a district: one {@code d99_text_station_5min_YYYY_MM_DD.txt.gz} per day
 * holding every station, and one metadata file. Corridors are linked at junctions: where a corridor
 * follows another in the list (two of every three), a quarter of what leaves the other's last station
 * joins its entry demand five minutes later, so that trouble on one corridor reaches the next.
 */
public final class SampleDistrict {
    /** The freeways of the district, each simulated in both of its directions (N/S, or E/W for even numbers). */
    static final int[] FREEWAYS = {5, 22, 55, 57, 73, 91, 133, 241, 261, 405, 605, 1, 39, 90, 142, 10, 15, 60, 71, 110, 118, 134,
        170, 210, 215, 710, 99, 101, 880, 580};
    /** Share of a linked corridor's exit flow that joins the next one's entry. */
    static final double JUNCTION_SHARE = 0.25;

    private final DistrictConfig config;
    private final TrafficShift shift;

    public SampleDistrict(DistrictConfig config) {
        this(config, TrafficShift.NONE);
    }

    /** A district whose traffic shifts deliberately from a day on ({@link TrafficShift}); the days before are as without it. */
    public SampleDistrict(DistrictConfig config, TrafficShift shift) {
        DistrictSimulation.check(config, shift);
        this.config = config;
        this.shift = shift;
    }

    /** What was written. */
    public record Written(List<Path> files, Path metadata, long rows, List<Station> stations) {
    }

    /** The name of corridor {@code c}: its freeway and direction as PeMS writes them, e.g. {@code "5-N"}. */
    public static String corridorName(int c) {
        return FREEWAYS[c / 2] + "-" + direction(c);
    }

    static String direction(int c) {
        boolean eastWest = FREEWAYS[c / 2] % 2 == 0;
        return c % 2 == 0 ? (eastWest ? "E" : "N") : (eastWest ? "W" : "S");
    }

    /** Whether corridor {@code c} receives traffic from corridor {@code c - 1} at a junction. */
    static boolean linkedToPrevious(int c) {
        return c > 0 && c % 3 != 0;
    }

    /** The district in {@code folder}, written first unless a complete one from the same config is there; returns whether it wrote. */
    public boolean ensureIn(Path folder) throws IOException {
        Path marker = folder.resolve(SampleCorridor.MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(describe())) {
            return false;
        }
        writeTo(folder);
        Files.writeString(marker, describe(), StandardCharsets.UTF_8);
        return true;
    }

    private String describe() {
        return String.format(Locale.ROOT, "district-generator=%d%ncorridors=%d%nstations=%d%nweeks=%d%nseed=%d%nstart=%s%n",
                SampleCorridor.GENERATOR_VERSION, config.corridors(), config.stationsPerCorridor(), config.weeks(), config.seed(),
                config.start()) + shift.describe();
    }

    /** Writes the district into {@code folder}: files under temporary names, moved into place when complete. */
    public Written writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.deleteIfExists(folder.resolve(SampleCorridor.MARKER));
        DistrictSimulation simulation = new DistrictSimulation(config, shift);
        Path metadata = MetadataFile.write(folder.resolve(simulation.metadataFileName()), simulation.metadataText());
        List<Path> files = new ArrayList<>();
        long rows = 0;
        DayFile day = null;
        try {
            while (simulation.hasNext()) {
                SimulatedInterval interval = simulation.next();
                LocalDate date = interval.local().toLocalDate();
                if (day == null || !day.date.equals(date)) {
                    if (day != null) {
                        files.add(day.finish());
                    }
                    day = new DayFile(folder, SampleConfig.DISTRICT, date, true);
                }
                day.writer.append(interval.rows());
                rows += interval.rowCount();
            }
            if (day != null) {
                files.add(day.finish());
                day = null;
            }
        } finally {
            if (day != null) {
                day.abandon();
            }
        }
        return new Written(files, metadata, rows, simulation.stations());
    }
}
