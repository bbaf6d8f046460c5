package org.flowcast.sample;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cell transmission model (Daganzo 1994) over a {@link CorridorLayout}: every 10 seconds each
 * cell sends what the triangular fundamental diagram lets it send and the next cell can receive;
 * off-ramps take a share of what leaves a cell; on-ramps merge with a guaranteed share of the
 * receiving capacity and queue when blocked, as metered ramps do. Incidents cut a cell's capacity, so
 * queues form there and travel upstream. Detectors in station cells are read every 5 minutes.
 */
public final class FreewaySimulator {
    public static final int STEPS_PER_INTERVAL = 30;
    private static final double EFFECTIVE_VEHICLE_MILES = 17.0 / 5280;
    private static final double RAMP_CAPACITY = 1800;
    private static final double RAMP_PRIORITY = 0.25;

    private final CorridorLayout layout;
    private final DemandProfile demand;
    private final List<Incident> incidents;
    private final double mainlineDemand;
    private final double rampDemand;
    private final ZoneId zone;

    /**
     * @param mainlineDemand design demand entering upstream, veh/h
     * @param rampDemand design demand of an on-ramp of share 1, veh/h
     */
    public FreewaySimulator(CorridorLayout layout, DemandProfile demand, List<Incident> incidents,
                            double mainlineDemand, double rampDemand, ZoneId zone) {
        this.layout = layout;
        this.demand = demand;
        this.incidents = List.copyOf(incidents);
        this.mainlineDemand = mainlineDemand;
        this.rampDemand = rampDemand;
        this.zone = zone;
    }

    /** Simulates {@code intervals} 5-minute intervals from {@code start}, reporting each to {@code sink}. */
    public void run(Instant start, long intervals, Consumer<IntervalTruth> sink) {
        Run run = start(start);
        for (long i = 0; i < intervals; i++) {
            sink.accept(run.next(0));
        }
    }

    /** A simulation from {@code start} that advances one 5-minute interval per call, for corridors simulated side by side. */
    public Run start(Instant start) {
        return new Run(start);
    }

    /** The state of one simulation between intervals. */
    public final class Run {
        private final Instant start;
        private final int n = layout.cells();
        private final FundamentalDiagram fd = layout.diagram();
        private final double dt = CorridorLayout.STEP_HOURS;
        private final double dtOverL = dt / layout.cellMiles();
        private final double[] k = new double[n];
        private final double[] sending = new double[n];
        private final double[] receiving = new double[n];
        private final double[] inflow = new double[n];
        private final double[] outflow = new double[n];
        private final double[] rampQueue = new double[n];
        private final double[] capacityFactor = new double[n];
        private final int stations = layout.stations();
        private final double[] count = new double[stations];
        private final double[] densitySum = new double[stations];
        private final double[] flowSum = new double[stations];
        private final double[] flow = new double[stations];
        private final double[] occupancy = new double[stations];
        private final double[] speed = new double[stations];
        private double entryQueue;
        private double exitSum;
        private double exitFlow;
        private long step;

        private Run(Instant start) {
            this.start = start;
            // Start from a light free-flowing state.
            for (int i = 0; i < n; i++) {
                k[i] = 6 * layout.lanes(i);
            }
        }

        /** The mean flow that left the corridor's last cell in the last interval, veh/h: what a linked corridor receives. */
        public double exitFlow() {
            return exitFlow;
        }

        /**
         * Simulates the next interval; {@code extraEntry} veh/h join the entry demand (traffic handed over at a
         * junction by another corridor). The returned arrays are reused by the next call.
         */
        public IntervalTruth next(double extraEntry) {
            LocalDateTime local = LocalDateTime.ofInstant(start.plusSeconds(step * 10), zone);
            for (int sub = 0; sub < STEPS_PER_INTERVAL; sub++, step++) {
                double hour = local.getHour() + (local.getMinute() + sub * 10 / 60.0) / 60.0;
                advance(demand.at(local.toLocalDate(), hour), extraEntry);
            }
            for (int s = 0; s < stations; s++) {
                int lanes = layout.lanes(layout.stationCell(s));
                flow[s] = count[s];
                occupancy[s] = Math.min(1, densitySum[s] / STEPS_PER_INTERVAL / lanes * EFFECTIVE_VEHICLE_MILES);
                speed[s] = densitySum[s] > 1e-9 ? Math.min(fd.freeFlowSpeed(), flowSum[s] / densitySum[s]) : fd.freeFlowSpeed();
                count[s] = 0;
                densitySum[s] = 0;
                flowSum[s] = 0;
            }
            exitFlow = exitSum / STEPS_PER_INTERVAL;
            exitSum = 0;
            return new IntervalTruth(step / STEPS_PER_INTERVAL - 1, flow, occupancy, speed);
        }

        private void advance(double level, double extraEntry) {
            for (int i = 0; i < n; i++) {
                capacityFactor[i] = 1;
            }
            for (Incident incident : incidents) {
                if (incident.activeAt(step)) {
                    capacityFactor[incident.cell()] = Math.min(capacityFactor[incident.cell()], incident.capacityFactor());
                }
            }
            for (int i = 0; i < n; i++) {
                sending[i] = fd.sending(k[i], layout.lanes(i), capacityFactor[i]);
                receiving[i] = fd.receiving(k[i], layout.lanes(i), capacityFactor[i]);
            }
            entryQueue += mainlineDemand * level * dt;
            if (extraEntry != 0) {
                entryQueue += extraEntry * dt;
            }
            inflow[0] = Math.min(entryQueue / dt, receiving[0]);
            entryQueue -= inflow[0] * dt;
            for (int i = 0; i + 1 < n; i++) {
                double split = layout.offRampSplit(i);
                double mainDemand = sending[i] * (1 - split);
                double share = layout.onRampShare(i + 1);
                double ramp = 0;
                double main;
                double room = receiving[i + 1];
                if (share > 0) {
                    rampQueue[i + 1] += rampDemand * share * level * dt;
                    double rampWants = Math.min(rampQueue[i + 1] / dt, RAMP_CAPACITY);
                    if (mainDemand + rampWants <= room) {
                        ramp = rampWants;
                    } else {
                        ramp = Math.min(rampWants, Math.max(RAMP_PRIORITY * room, room - mainDemand));
                    }
                    rampQueue[i + 1] -= ramp * dt;
                }
                main = Math.max(0, Math.min(mainDemand, room - ramp));
                outflow[i] = split < 1 ? main / (1 - split) : sending[i];
                inflow[i + 1] = main + ramp;
            }
            outflow[n - 1] = sending[n - 1];
            exitSum += outflow[n - 1];
            for (int i = 0; i < n; i++) {
                k[i] = Math.max(0, k[i] + dtOverL * (inflow[i] - outflow[i]));
            }
            for (int s = 0; s < stations; s++) {
                int cell = layout.stationCell(s);
                count[s] += outflow[cell] * dt;
                densitySum[s] += k[cell];
                flowSum[s] += outflow[cell];
            }
        }
    }
}
