package org.flowcast.sample;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.flowcast.core.PemsTime;
import org.flowcast.core.Station;

/**
 * The simulated district one 5-minute interval at a time: what {@link SampleDistrict} writes as daily files, and a live
 * feed writes as it goes. The same config and shift give the same rows, interval by interval, whichever writes them;
 * the corridors advance side by side, linked at junctions (see {@link SampleDistrict}).
 */
public final class DistrictSimulation {
    private final DistrictConfig config;
    private final Instant start;
    private final long intervals;
    private final List<DistrictCorridor> corridors = new ArrayList<>();
    private final List<Station> stations = new ArrayList<>();
    private final String metadataText;
    private final double[] exits;
    private final StringBuilder rows = new StringBuilder(1 << 16);
    private long next;

    /** @throws IllegalArgumentException where the shift names no station of the district or a day past its end */
    public DistrictSimulation(DistrictConfig config, TrafficShift shift) {
        check(config, shift);
        this.config = config;
        this.start = config.start().atStartOfDay(PemsTime.ZONE).toInstant();
        this.intervals = (config.end().atStartOfDay(PemsTime.ZONE).toInstant().getEpochSecond() - start.getEpochSecond()) / 300;
        SplittableRandom random = new SplittableRandom(config.seed());
        List<Double> statePostmile = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        for (int c = 0; c < config.corridors(); c++) {
            DistrictCorridor corridor = new DistrictCorridor(c, config.stationsPerCorridor(), random.split(), config.start(), intervals,
                    shift);
            corridors.add(corridor);
            stations.addAll(corridor.stations);
            for (int s = 0; s < corridor.stations.size(); s++) {
                statePostmile.add(Math.abs(corridor.stations.get(s).absolutePostmile() - corridor.layout.postmile(0)));
                lengths.add(SampleCorridor.stationLength(corridor.layout, s));
            }
        }
        this.metadataText = MetadataFile.text(stations, statePostmile.stream().mapToDouble(Double::doubleValue).toArray(),
                lengths.stream().mapToDouble(Double::doubleValue).toArray());
        this.exits = new double[corridors.size()];
    }

    /** Refuses a shift that names no station of the district or a day past its end. */
    static void check(DistrictConfig config, TrafficShift shift) {
        shift.checkWithin(config.weeks() * 7);
        int id = shift.closedLaneStation();
        int c = id / 1000 % 1000 - 1;
        int s = id % 1000 - 1;
        if (id != 0 && (id / 1_000_000 != 9 || c < 0 || c >= config.corridors() || s < 0 || s >= config.stationsPerCorridor())) {
            throw new IllegalArgumentException("station " + id + " is not a station of the sample district ("
                    + DistrictCorridor.stationId(0, 0) + " to " + DistrictCorridor.stationId(config.corridors() - 1,
                    config.stationsPerCorridor() - 1) + ": 99CCSSS for station SSS of corridor CC)");
        }
    }

    /** Every station, corridor by corridor. */
    public List<Station> stations() {
        return List.copyOf(stations);
    }

    /** The name of the district's metadata file, {@code d99_text_meta_YYYY_MM_DD.txt} of its first day. */
    public String metadataFileName() {
        return String.format(Locale.ROOT, "d%02d_text_meta_%s.txt", SampleConfig.DISTRICT, DayFile.FILE_DATE.format(config.start()));
    }

    /** The text of the metadata file. */
    public String metadataText() {
        return metadataText;
    }

    /** The start of the district's first interval. */
    public Instant start() {
        return start;
    }

    /** How many intervals the district's weeks hold. */
    public long intervals() {
        return intervals;
    }

    public boolean hasNext() {
        return next < intervals;
    }

    /** Simulates the next interval. */
    public SimulatedInterval next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the district's " + intervals + " intervals are simulated");
        }
        long interval = next++;
        Instant time = start.plusSeconds(interval * 300);
        LocalDateTime local = LocalDateTime.ofInstant(time, PemsTime.ZONE);
        String timestamp = SampleCorridor.PEMS_TIME.format(local);
        for (int c = 0; c < exits.length; c++) {
            exits[c] = corridors.get(c).run.exitFlow();
        }
        // each corridor advances on its own random streams, so the two cores give the same rows as one
        IntStream.range(0, corridors.size()).parallel().forEach(c -> corridors.get(c).advance(interval, timestamp,
                SampleDistrict.linkedToPrevious(c) ? SampleDistrict.JUNCTION_SHARE * exits[c - 1] : 0));
        rows.setLength(0);
        int count = 0;
        for (DistrictCorridor corridor : corridors) {
            rows.append(corridor.rows);
            count += corridor.rowCount;
        }
        return new SimulatedInterval(interval, time, local, rows.toString(), count);
    }
}
