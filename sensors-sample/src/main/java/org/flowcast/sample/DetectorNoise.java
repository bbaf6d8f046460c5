package org.flowcast.sample;

import java.util.Locale;
import java.util.SplittableRandom;
import org.flowcast.core.Station;

/**
 * Turns the simulated truth at a station into the row its detector reports in PeMS's
 * {@code station_5min} layout: counting and timing noise, a free-flow speed of the station's own,
 * per-lane splits, Samples and % Observed, and the effects of the station's current
 * {@link DetectorFaults.Kind}.
 */
final class DetectorNoise {
    private static final int SAMPLES_PER_LANE = 10;

    private final CorridorLayout layout;
    private final SplittableRandom random;
    private final double[] speedOffset;
    private final double[] occupancyScale;
    private final String[] lastRow;
    private final String[] stationFields;

    DetectorNoise(CorridorLayout layout, SplittableRandom random) {
        this.layout = layout;
        this.random = random;
        this.speedOffset = new double[layout.stations()];
        this.occupancyScale = new double[layout.stations()];
        this.lastRow = new String[layout.stations()];
        this.stationFields = new String[layout.stations()];
        for (int s = 0; s < speedOffset.length; s++) {
            speedOffset[s] = 2.5 * random.nextGaussian();
            // Loop size, sensitivity and truck share make each detector read occupancy on a scale of its own.
            occupancyScale[s] = Math.exp(0.2 * random.nextGaussian());
        }
    }

    /** The row, or null where the row is missing from the file. */
    String row(String timestamp, Station station, int s, IntervalTruth truth, DetectorFaults.Kind fault) {
        int lanes = station.lanes();
        if (stationFields[s] == null) {
            stationFields[s] = String.format(Locale.ROOT, ",%d,%d,%d,%s,%s,%.3f,", station.id(), station.district(),
                    station.freeway(), station.direction(), station.laneType(), SampleCorridor.stationLength(layout, s));
        }
        String prefix = timestamp + stationFields[s];
        switch (fault) {
            case ROW_MISSING:
                return null;
            case EMPTY:
                return prefix + ",,,," + ",,,,,".repeat(lanes);
            case STUCK:
                if (lastRow[s] != null) {
                    return prefix + lastRow[s];
                }
                break;
            default:
                break;
        }
        double flow = Math.max(0, truth.flow()[s] * (1 + 0.02 * random.nextGaussian())
                + 0.5 * Math.sqrt(truth.flow()[s]) * random.nextGaussian());
        double occupancy = Math.max(0, Math.min(1, truth.occupancy()[s] * occupancyScale[s] * (1 + 0.08 * random.nextGaussian())));
        double speed = Math.max(3, truth.speed()[s] * (1 + speedOffset[s] / 65) + 1.2 * random.nextGaussian());
        int observedLanes = fault == DetectorFaults.Kind.LANE_OUT ? lanes - 1 : lanes;
        int percent = fault == DetectorFaults.Kind.DEAD ? 0 : 100 * observedLanes / lanes;
        if (fault == DetectorFaults.Kind.DEAD) {
            // PeMS fills a dead detector from its neighbours and history: close, but smoother and biased.
            flow = truth.flow()[s] * (0.93 + 0.05 * random.nextGaussian());
            occupancy = truth.occupancy()[s] * 0.95;
            speed = Math.min(70, truth.speed()[s] + 2);
        }
        long totalFlow = Math.round(flow);
        StringBuilder row = new StringBuilder(160);
        row.append(fault == DetectorFaults.Kind.DEAD ? 0 : observedLanes * SAMPLES_PER_LANE).append(',')
                .append(percent).append(',').append(totalFlow).append(',');
        FixedDecimal.append(row, occupancy, 4).append(',');
        FixedDecimal.append(row, speed, 1);
        long laneRemainder = totalFlow;
        for (int lane = 0; lane < lanes; lane++) {
            boolean observed = fault != DetectorFaults.Kind.DEAD && lane < observedLanes;
            // The inside lanes (1 = leftmost) carry a little more and drive faster than the right lane.
            double share = lanes == 1 ? 1 : (1.15 - 0.3 * lane / (lanes - 1)) / lanes;
            long laneFlow = lane == lanes - 1 ? Math.max(0, laneRemainder) : Math.min(laneRemainder, Math.round(totalFlow * share));
            laneRemainder -= laneFlow;
            double laneSpeed = speed + (lanes == 1 ? 0 : 3.0 - 6.0 * lane / (lanes - 1));
            row.append(',').append(observed ? SAMPLES_PER_LANE : 0).append(',').append(laneFlow).append(',');
            FixedDecimal.append(row, Math.min(1, occupancy * share * lanes), 4).append(',');
            FixedDecimal.append(row, laneSpeed, 1).append(',').append(observed ? 1 : 0);
        }
        String values = row.toString();
        if (fault != DetectorFaults.Kind.STUCK) {
            lastRow[s] = values;
        }
        return prefix + values;
    }
}
