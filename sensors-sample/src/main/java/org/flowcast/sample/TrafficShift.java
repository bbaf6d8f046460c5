package org.flowcast.sample;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.flowcast.core.PemsTime;

/**
 * A deliberate change of a sample's traffic from one day on, for the experiments of live operation (does a forecaster
 * notice it, how fast does it adapt): demand everywhere multiplied by {@code demandFactor}, and/or one lane fewer at
 * station {@code closedLaneStation} (its cell's capacity cut by one lane's share). Every random draw of the simulation
 * is made as without the shift, so the days before {@code fromDay} give the same rows, byte for byte.
 *
 * @param demandFactor      what demand is multiplied by from the shift day on: 1 for no change, from 0.1 to 5
 * @param closedLaneStation the id of the sample's station that loses a lane from the shift day on, 0 for none
 * @param fromDay           the first day shifted, 1 being the sample's first day
 */
public record TrafficShift(double demandFactor, int closedLaneStation, int fromDay) {
    /** No change. */
    public static final TrafficShift NONE = new TrafficShift(1, 0, 1);

    public TrafficShift {
        if (!(demandFactor >= 0.1 && demandFactor <= 5)) {
            throw new IllegalArgumentException("a demand shift factor lies from 0.1 to 5 (1.2 for 20% more traffic), not " + demandFactor);
        }
        if (closedLaneStation < 0) {
            throw new IllegalArgumentException("a lane closure names a station id, not " + closedLaneStation);
        }
        if (fromDay < 1) {
            throw new IllegalArgumentException("the shift's first day counts from 1 (the sample's first day), not " + fromDay);
        }
    }

    /** Whether the shift changes nothing. */
    public boolean none() {
        return demandFactor == 1 && closedLaneStation == 0;
    }

    /** The first shifted day of a sample starting on {@code start}. */
    public LocalDate firstDay(LocalDate start) {
        return start.plusDays(fromDay - 1L);
    }

    /** Refuses a shift that would never apply: its day past the sample's {@code days}. */
    void checkWithin(int days) {
        if (!none() && fromDay > days) {
            throw new IllegalArgumentException("the shift's first day " + fromDay + " lies past the sample's " + days + " days");
        }
    }

    /** The demand of a corridor: its profile's, multiplied from the shift day on. */
    DemandProfile demand(SplittableRandom random, LocalDate start) {
        return demandFactor == 1 ? new DemandProfile(random) : new DemandProfile(random, demandFactor, firstDay(start));
    }

    /** The incidents of a corridor with the lane closure added where station {@code index} of it is the closed one. */
    List<Incident> withClosure(List<Incident> incidents, CorridorLayout layout, int index, LocalDate start) {
        if (index < 0) {
            return incidents;
        }
        int cell = layout.stationCell(index);
        int lanes = layout.lanes(cell);
        Instant first = start.atStartOfDay(PemsTime.ZONE).toInstant();
        long fromStep = Duration.between(first, firstDay(start).atStartOfDay(PemsTime.ZONE).toInstant()).getSeconds() / 10;
        List<Incident> all = new ArrayList<>(incidents);
        // an incident that never ends: the capacity of lanes - 1 lanes at the station's cell
        all.add(new Incident(fromStep, Long.MAX_VALUE, cell, (lanes - 1) / (double) lanes));
        return all;
    }

    /** The shift in words, e.g. {@code "demand x1.2 from day 8"}; empty for none. */
    public String label() {
        if (none()) {
            return "";
        }
        String what = (demandFactor == 1 ? "" : "demand x" + demandFactor) + (demandFactor != 1 && closedLaneStation != 0 ? " and " : "")
                + (closedLaneStation == 0 ? "" : "a lane closed at " + closedLaneStation);
        return what + " from day " + fromDay;
    }

    /** The shift as the sample's marker file records it; empty for none, so that unshifted samples keep their marker. */
    String describe() {
        return none() ? "" : String.format(Locale.ROOT, "demand-shift=%s%nlane-closure=%d%nshift-from=%d%n", demandFactor,
                closedLaneStation, fromDay);
    }
}
