package org.flowcast.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowcast.core.PemsTime;
import org.flowcast.core.Station;

/** One corridor of the simulated district with its simulation, faults and detector noise, and the rows of its latest interval. */
final class DistrictCorridor {
    final CorridorLayout layout;
    final List<Station> stations;
    final FreewaySimulator.Run run;
    final StringBuilder rows = new StringBuilder(1 << 14);
    int rowCount;
    private final DetectorFaults faults;
    private final DetectorNoise noise;

    /** Draws corridor {@code c} from {@code random}, in the order the district has always drawn it (the same seed, the same rows). */
    DistrictCorridor(int c, int stationCount, SplittableRandom random, LocalDate startDay, long intervals, TrafficShift shift) {
        Instant start = startDay.atStartOfDay(PemsTime.ZONE).toInstant();
        layout = CorridorLayout.generate(stationCount, random.split());
        stations = stations(c, layout);
        List<Incident> incidents = SampleCorridor.incidents(layout, intervals, random.split());
        faults = new DetectorFaults(stations.size(), intervals, random.split());
        noise = new DetectorNoise(layout, random.split());
        // a linked corridor's own entry demand is lower by what the junction brings
        double mainline = SampleCorridor.MAINLINE_DEMAND * (SampleDistrict.linkedToPrevious(c) ? 0.8 : 1.0) * random.nextDouble(0.9, 1.05);
        int closed = stations.stream().map(Station::id).toList().indexOf(shift.closedLaneStation());
        run = new FreewaySimulator(layout, shift.demand(random.split(), startDay), shift.withClosure(incidents, layout, closed, startDay),
                mainline, SampleCorridor.RAMP_DEMAND, PemsTime.ZONE)
                .start(start);
    }

    /** The id of station {@code s} of corridor {@code c}. */
    static int stationId(int c, int s) {
        return 9_900_000 + (c + 1) * 1000 + s + 1;
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
    private static List<Station> stations(int c, CorridorLayout layout) {
        String direction = SampleDistrict.direction(c);
        boolean falling = direction.equals("S") || direction.equals("W");
        double base = 5 + 40 * (c / 2 % 5);
        List<Station> list = new ArrayList<>();
        double lat = 33.45 + 0.05 * (c / 2);
        double lon = -117.95 + 0.03 * (c / 2);
        double length = layout.postmile(layout.stations() - 1) - layout.postmile(0);
        for (int s = 0; s < layout.stations(); s++) {
            double miles = layout.postmile(s) - layout.postmile(0);
            double postmile = Math.round((falling ? base + length - miles : base + miles) * 1000) / 1000.0;
            list.add(new Station(stationId(c, s), SampleConfig.DISTRICT, SampleDistrict.FREEWAYS[c / 2], direction, "ML",
                    layout.lanes(layout.stationCell(s)), postmile, Math.round((lat + miles * 0.0125) * 1e6) / 1e6,
                    Math.round((lon - miles * 0.008) * 1e6) / 1e6, SampleDistrict.corridorName(c) + " " + (char) ('A' + s % 26)
                    + (s >= 26 ? String.valueOf(s / 26) : "")));
        }
        return list;
    }
}
