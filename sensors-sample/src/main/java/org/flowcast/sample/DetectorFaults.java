package org.flowcast.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What goes wrong with detectors, drawn once from the seed: a few die for days (PeMS then imputes
 * their values and reports 0% observed), one gets stuck repeating a reading for hours, one loses a
 * lane (partly observed), the whole corridor drops out for a few hours once (rows missing), and
 * single rows go missing or arrive empty now and then.
 */
public final class DetectorFaults {
    /** What a station's detector reports in one interval. */
    public enum Kind {
        OK,
        /** Values imputed by PeMS, 0% observed. */
        DEAD,
        /** The last reading repeated. */
        STUCK,
        /** One lane out: 100 * (lanes - 1) / lanes % observed. */
        LANE_OUT,
        /** The row is absent from the file. */
        ROW_MISSING,
        /** The row is there but its values are empty. */
        EMPTY
    }

    private record Span(int station, long from, long to, Kind kind) {
    }

    private final List<Span> spans = new ArrayList<>();
    private final SplittableRandom random;
    private final double rowMissingRate;
    private final double emptyRate;

    public DetectorFaults(int stations, long intervals, SplittableRandom random) {
        this.random = random.split();
        this.rowMissingRate = 0.002;
        this.emptyRate = 0.002;
        long day = 288;
        for (int i = 0; i < Math.max(1, stations / 8); i++) {
            long from = random.nextLong(0, Math.max(1, intervals - 4 * day));
            spans.add(new Span(random.nextInt(stations), from, from + random.nextLong(day, 4 * day), Kind.DEAD));
        }
        long stuckFrom = random.nextLong(0, Math.max(1, intervals - day));
        spans.add(new Span(random.nextInt(stations), stuckFrom, stuckFrom + random.nextLong(48, 96), Kind.STUCK));
        long laneFrom = random.nextLong(0, Math.max(1, intervals - 7 * day));
        spans.add(new Span(random.nextInt(stations), laneFrom, laneFrom + random.nextLong(2 * day, 7 * day), Kind.LANE_OUT));
        long outage = random.nextLong(0, Math.max(1, intervals - day));
        for (int s = 0; s < stations; s++) {
            spans.add(new Span(s, outage, outage + random.nextLong(24, 72), Kind.ROW_MISSING));
        }
    }

    /** The fault of a station in an interval; call once per station and interval, in order. */
    public Kind at(int station, long interval) {
        for (Span span : spans) {
            if (span.station() == station && interval >= span.from() && interval < span.to()) {
                return span.kind();
            }
        }
        double u = random.nextDouble();
        if (u < rowMissingRate) {
            return Kind.ROW_MISSING;
        }
        if (u < rowMissingRate + emptyRate) {
            return Kind.EMPTY;
        }
        return Kind.OK;
    }
}
