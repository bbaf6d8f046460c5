package org.flowcast.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.flowcast.core.PemsTime;
import org.flowcast.core.Station;

/**
 * Makes the sample corridor: simulates a freeway (see {@link FreewaySimulator}) and writes what its
 * detectors saw exactly as PeMS publishes it: one {@code d99_text_station_5min_YYYY_MM_DD.txt.gz} per
 * Pacific day, with Samples, % Observed and per-lane fields, and a {@code d99_text_meta_YYYY_MM_DD.txt}
 * station metadata file. Everything follows from the {@link SampleConfig}: the same config gives the
 * same bytes.
 */
public final class SampleCorridor {
    static final DateTimeFormatter PEMS_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter FILE_DATE = DayFile.FILE_DATE;
    /** Design demands, veh/h, tuned so that the bottleneck queues in most weekday peaks. */
    static final double MAINLINE_DEMAND = 5600;
    static final double RAMP_DEMAND = 700;

    /** The id of the sample's first station; the others follow it. */
    static final int FIRST_STATION = 990001;

    private final SampleConfig config;
    private final TrafficShift shift;

    public SampleCorridor(SampleConfig config) {
        this(config, TrafficShift.NONE);
    }

    /**
     * A sample whose traffic shifts deliberately from a day on ({@link TrafficShift}); the days before are as without it.
     *
     * @throws IllegalArgumentException where the shift names no station of the sample or a day past its end
     */
    public SampleCorridor(SampleConfig config, TrafficShift shift) {
        shift.checkWithin(config.days());
        int closed = shift.closedLaneStation();
        if (closed != 0 && (closed < FIRST_STATION || closed >= FIRST_STATION + config.stations())) {
            throw new IllegalArgumentException("station " + closed + " is not a station of the sample corridor (" + FIRST_STATION
                    + " to " + (FIRST_STATION + config.stations() - 1) + ")");
        }
        this.config = config;
        this.shift = shift;
    }

    /** What was written. */
    public record Written(List<Path> files, Path metadata, long rows, List<Station> stations) {
    }

    /** The file that marks a complete sample and records the config that made it. */
    public static final String MARKER = ".flowcast-sample.properties";

    /**
     * The sample in {@code folder}, written first if the folder does not hold a complete one made
     * from the same config. Returns whether it had to be written.
     */
    public boolean ensureIn(Path folder) throws IOException {
        Path marker = folder.resolve(MARKER);
        if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(describe())) {
            return false;
        }
        writeTo(folder);
        Files.writeString(marker, describe(), StandardCharsets.UTF_8);
        return true;
    }

    /** Changes whenever the generator writes different files for the same config, so that old samples are rewritten. */
    static final int GENERATOR_VERSION = 1;

    private String describe() {
        return String.format(Locale.ROOT, "generator=%d%nstations=%d%nweeks=%d%nseed=%d%nstart=%s%n", GENERATOR_VERSION,
                config.stations(), config.weeks(), config.seed(), config.start()) + shift.describe();
    }

    /** The name of the metadata file for a config. */
    public static String metadataFileName(SampleConfig config) {
        return String.format(Locale.ROOT, "d%02d_text_meta_%s.txt", SampleConfig.DISTRICT, FILE_DATE.format(config.start()));
    }

    /**
     * Writes the sample into {@code folder}. Files are written under temporary names and moved into
     * place when complete, so that an interrupted run leaves no half-written file.
     */
    public Written writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.deleteIfExists(folder.resolve(MARKER));
        SplittableRandom random = new SplittableRandom(config.seed());
        CorridorLayout layout = CorridorLayout.generate(config.stations(), random.split());
        List<Station> stations = stations(layout, random.split());
        Instant start = config.start().atStartOfDay(PemsTime.ZONE).toInstant();
        Instant end = config.end().atStartOfDay(PemsTime.ZONE).toInstant();
        long intervals = (end.getEpochSecond() - start.getEpochSecond()) / 300;
        List<Incident> incidents = incidents(layout, intervals, random.split());
        DetectorFaults faults = new DetectorFaults(stations.size(), intervals, random.split());
        DetectorNoise noise = new DetectorNoise(layout, random.split());
        int closed = shift.closedLaneStation() == 0 ? -1 : shift.closedLaneStation() - FIRST_STATION;
        FreewaySimulator simulator = new FreewaySimulator(layout, shift.demand(random.split(), config.start()),
                shift.withClosure(incidents, layout, closed, config.start()), MAINLINE_DEMAND, RAMP_DEMAND, PemsTime.ZONE);

        Path metadata = writeMetadata(folder, stations, layout);
        List<Path> files = new ArrayList<>();
        long[] rows = {0};
        DayFile[] current = {null};
        try {
            simulator.run(start, intervals, truth -> {
                Instant time = start.plusSeconds(truth.interval() * 300);
                ZonedDateTime local = time.atZone(PemsTime.ZONE);
                LocalDate date = local.toLocalDate();
                try {
                    if (current[0] == null || !current[0].date.equals(date)) {
                        if (current[0] != null) {
                            files.add(current[0].finish());
                            current[0] = null;
                        }
                        current[0] = new DayFile(folder, SampleConfig.DISTRICT, date, false);
                    }
                    String timestamp = PEMS_TIME.format(local);
                    for (int s = 0; s < stations.size(); s++) {
                        String row = noise.row(timestamp, stations.get(s), s, truth, faults.at(s, truth.interval()));
                        if (row != null) {
                            current[0].writer.write(row);
                            current[0].writer.write('\n');
                            rows[0]++;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (current[0] != null) {
                files.add(current[0].finish());
                current[0] = null;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (current[0] != null) {
                current[0].abandon();
            }
        }
        return new Written(files, metadata, rows[0], stations);
    }

    private List<Station> stations(CorridorLayout layout, SplittableRandom random) {
        List<Station> stations = new ArrayList<>();
        double lat = 33.70;
        double lon = -117.85;
        for (int s = 0; s < layout.stations(); s++) {
            double miles = layout.postmile(s) - layout.postmile(0);
            stations.add(new Station(FIRST_STATION + s, SampleConfig.DISTRICT, SampleConfig.FREEWAY, SampleConfig.DIRECTION, "ML",
                    layout.lanes(layout.stationCell(s)), layout.postmile(s),
                    Math.round((lat + miles * 0.0125) * 1e6) / 1e6, Math.round((lon - miles * 0.008) * 1e6) / 1e6,
                    "SAMPLE " + (char) ('A' + s % 26) + (s >= 26 ? String.valueOf(s / 26) : "")));
        }
        return stations;
    }

    static List<Incident> incidents(CorridorLayout layout, long intervals, SplittableRandom random) {
        List<Incident> incidents = new ArrayList<>();
        long days = intervals / 288;
        for (long day = 0; day < days; day++) {
            int count = random.nextDouble() < 0.45 ? 1 : 0;
            for (int i = 0; i < count; i++) {
                long startStep = (day * 288 + random.nextLong(6 * 12, 20 * 12)) * FreewaySimulator.STEPS_PER_INTERVAL;
                long length = random.nextLong(20, 100) * 6; // minutes -> 10 s steps
                int cell = random.nextInt(layout.stationCell(1), layout.cells() - 1);
                incidents.add(new Incident(startStep, startStep + length, cell, random.nextDouble(0.35, 0.7)));
            }
        }
        return incidents;
    }

    private Path writeMetadata(Path folder, List<Station> stations, CorridorLayout layout) throws IOException {
        double[] statePostmile = new double[stations.size()];
        double[] length = new double[stations.size()];
        for (int s = 0; s < stations.size(); s++) {
            statePostmile[s] = stations.get(s).absolutePostmile() - layout.postmile(0);
            length[s] = stationLength(layout, s);
        }
        return MetadataFile.write(folder.resolve(metadataFileName(config)), stations, statePostmile, length);
    }

    static double stationLength(CorridorLayout layout, int s) {
        double before = s > 0 ? layout.postmile(s) - layout.postmile(s - 1) : 0;
        double after = s + 1 < layout.stations() ? layout.postmile(s + 1) - layout.postmile(s) : 0;
        return (before + after) / (s > 0 && s + 1 < layout.stations() ? 2 : 1);
    }
}
