package org.flowcast.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.flowcast.core.PemsTime;
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

    public SampleDistrict(DistrictConfig config) {
        this.config = config;
    }

    /** What was written. */
    public record Written(List<Path> files, Path metadata, long rows, List<Station> stations) {
    }

    /** The name of corridor {@code c}: its freeway and direction as PeMS writes them, e.g. {@code "5-N"}. */
    public static String corridorName(int c) {
        return FREEWAYS[c / 2] + "-" + direction(c);
    }

    private static String direction(int c) {
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
                config.start());
    }

    /** Writes the district into {@code folder}: files under temporary names, moved into place when complete. */
    public Written writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.deleteIfExists(folder.resolve(SampleCorridor.MARKER));
        Instant start = config.start().atStartOfDay(PemsTime.ZONE).toInstant();
        long intervals = (config.end().atStartOfDay(PemsTime.ZONE).toInstant().getEpochSecond() - start.getEpochSecond()) / 300;
        SplittableRandom random = new SplittableRandom(config.seed());
        List<Corridor> corridors = new ArrayList<>();
        List<Station> stations = new ArrayList<>();
        List<Double> statePostmile = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        for (int c = 0; c < config.corridors(); c++) {
            Corridor corridor = new Corridor(c, random.split(), start, intervals);
            corridors.add(corridor);
            stations.addAll(corridor.stations);
            for (int s = 0; s < corridor.stations.size(); s++) {
                statePostmile.add(Math.abs(corridor.stations.get(s).absolutePostmile() - corridor.layout.postmile(0)));
                lengths.add(SampleCorridor.stationLength(corridor.layout, s));
            }
        }
        Path metadata = MetadataFile.write(folder.resolve(String.format(Locale.ROOT, "d%02d_text_meta_%s.txt", SampleConfig.DISTRICT,
                DayFile.FILE_DATE.format(config.start()))), stations, statePostmile.stream().mapToDouble(Double::doubleValue).toArray(),
                lengths.stream().mapToDouble(Double::doubleValue).toArray());
        List<Path> files = new ArrayList<>();
        long rows = 0;
        DayFile day = null;
        double[] exits = new double[corridors.size()];
        try {
            for (long interval = 0; interval < intervals; interval++) {
                ZonedDateTime local = start.plusSeconds(interval * 300).atZone(PemsTime.ZONE);
                LocalDate date = local.toLocalDate();
                if (day == null || !day.date.equals(date)) {
                    if (day != null) {
                        files.add(day.finish());
                    }
                    day = new DayFile(folder, SampleConfig.DISTRICT, date, true);
                }
                String timestamp = SampleCorridor.PEMS_TIME.format(local);
                for (int c = 0; c < exits.length; c++) {
                    exits[c] = corridors.get(c).run.exitFlow();
                }
                long now = interval;
                // each corridor advances on its own random streams, so the two cores give the same rows as one
                IntStream.range(0, corridors.size()).parallel().forEach(c ->
                        corridors.get(c).advance(now, timestamp, linkedToPrevious(c) ? JUNCTION_SHARE * exits[c - 1] : 0));
                for (Corridor corridor : corridors) {
                    day.writer.append(corridor.rows);
                    rows += corridor.rowCount;
                }
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
        return new Written(files, metadata, rows, stations);
    }

    /** One corridor of the district with its simulation, faults and detector noise, and the rows of its latest interval. */
    private final class Corridor {
        final CorridorLayout layout;
        final List<Station> stations;
        final FreewaySimulator.Run run;
        final DetectorFaults faults;
        final DetectorNoise noise;
        final StringBuilder rows = new StringBuilder(1 << 14);
        int rowCount;

        Corridor(int c, SplittableRandom random, Instant start, long intervals) {
            layout = CorridorLayout.generate(config.stationsPerCorridor(), random.split());
            stations = stations(c, layout);
            List<Incident> incidents = SampleCorridor.incidents(layout, intervals, random.split());
            faults = new DetectorFaults(stations.size(), intervals, random.split());
            noise = new DetectorNoise(layout, random.split());
            // a linked corridor's own entry demand is lower by what the junction brings
            double mainline = SampleCorridor.MAINLINE_DEMAND * (linkedToPrevious(c) ? 0.8 : 1.0) * random.nextDouble(0.9, 1.05);
            run = new FreewaySimulator(layout, new DemandProfile(random.split()), incidents, mainline, SampleCorridor.RAMP_DEMAND,
                    PemsTime.ZONE)
                    .start(start);
        }

        void advance(long interval, String timestamp, double junctionFlow) {
            IntervalTruth truth = run.next(junctionFlow);
            rows.setLength(0);
            rowCount = 0;
            for (int s = 0; s < stations.size(); s++) {
                String row = noise.row(timestamp, stations.get(s), s, truth, faults.at(s, interval));
                if (row != null) {
                    rows.append(row).append('\n');
                    rowCount++;
                }
            }
        }

        /**
         * Stations numbered {@code 99CCSSS}-style from 9,900,000 up; absolute postmiles rise downstream on N and E
         * corridors and fall on S and W ones, as PeMS's do.
         */
        private List<Station> stations(int c, CorridorLayout layout) {
            String direction = direction(c);
            boolean falling = direction.equals("S") || direction.equals("W");
            double base = 5 + 40 * (c / 2 % 5);
            List<Station> list = new ArrayList<>();
            double lat = 33.45 + 0.05 * (c / 2);
            double lon = -117.95 + 0.03 * (c / 2);
            double length = layout.postmile(layout.stations() - 1) - layout.postmile(0);
            for (int s = 0; s < layout.stations(); s++) {
                double miles = layout.postmile(s) - layout.postmile(0);
                double postmile = Math.round((falling ? base + length - miles : base + miles) * 1000) / 1000.0;
                list.add(new Station(9_900_000 + (c + 1) * 1000 + s + 1, SampleConfig.DISTRICT, FREEWAYS[c / 2], direction, "ML",
                        layout.lanes(layout.stationCell(s)), postmile, Math.round((lat + miles * 0.0125) * 1e6) / 1e6,
                        Math.round((lon - miles * 0.008) * 1e6) / 1e6, corridorName(c) + " " + (char) ('A' + s % 26)
                        + (s >= 26 ? String.valueOf(s / 26) : "")));
            }
            return list;
        }
    }
}
