package org.flowcast.jobs.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flowcast.core.PemsTime;
import org.flowcast.jobs.JobException;
import org.flowcast.sample.DistrictSimulation;
import org.flowcast.sample.SampleConfig;
import org.flowcast.sample.SimulatedInterval;

/**
 * Writes a simulated district as a live feed ({@code flowcast sample --district --live}), for trying live operation
 * without PeMS data: its metadata file first, then one file per 5-minute interval as the simulation makes it, in the
 * layout, naming and atomic writing of a replay ({@link ReplayService}). The rows are those of the district's daily
 * files for the same config and shift.
 */
public final class LiveSampleService {
    private LiveSampleService() {
    }

    /** A feed ready to run; a config or shift the simulation refuses is a usage error. */
    public static FeedDelivery prepare(LiveSampleRequest request, FeedClock clock, FeedListener listener) throws JobException {
        int days = request.days().orElse(request.config().weeks() * 7);
        if (days > request.config().weeks() * 7) {
            throw JobException.usage("--days " + days + " is more than the district's " + request.config().weeks() + " week(s) hold; "
                    + "give --weeks " + (days + 6) / 7 + " or more");
        }
        DistrictSimulation simulation;
        try {
            simulation = new DistrictSimulation(request.config(), request.shift());
        } catch (IllegalArgumentException e) {
            throw JobException.usage(e.getMessage());
        }
        InboxWriter inbox = InboxWriter.open(request.inbox());
        FeedDelivery.MetadataCopy metadata = new FeedDelivery.MetadataCopy(simulation.metadataFileName(),
                simulation.metadataText().getBytes(StandardCharsets.UTF_8));
        SimulationSource source = new SimulationSource(simulation, request.config().start().plusDays(days),
                request.from().orElse(Instant.MIN));
        return new FeedDelivery(source, List.of(metadata), inbox,
                request.speed(), clock, 0, listener);
    }

    /** The simulation's intervals from an instant up to a day; those before the instant are simulated and passed over. */
    private static final class SimulationSource implements IntervalSource {
        private final DistrictSimulation simulation;
        private final LocalDate end;
        private final Instant from;
        private final long expected;

        SimulationSource(DistrictSimulation simulation, LocalDate end, Instant from) {
            this.simulation = simulation;
            this.end = end;
            this.from = from;
            Instant first = from.isAfter(simulation.start()) ? from : simulation.start();
            this.expected = Math.max(0, Duration.between(first, end.atStartOfDay(PemsTime.ZONE).toInstant()).toMinutes() / 5);
        }

        @Override
        public FeedInterval next() {
            SimulatedInterval interval;
            do {
                if (!simulation.hasNext()) {
                    return null;
                }
                interval = simulation.next();
                if (!interval.local().toLocalDate().isBefore(end)) {
                    return null;
                }
            } while (interval.time().isBefore(from));
            return new FeedInterval(SampleConfig.DISTRICT, interval.time(), interval.local(),
                    interval.rows().getBytes(StandardCharsets.UTF_8), interval.rowCount());
        }

        @Override
        public long expected() {
            return expected;
        }
    }
}
