package org.flowcast.jobs.feed;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.TrafficShift;

/**
 * A simulated district written as a live feed ({@code flowcast sample --district --live}).
 *
 * @param config the district
 * @param shift  a deliberate change of its traffic from a day on, or {@link TrafficShift#NONE}
 * @param inbox  the folder the feed's files land in, made if absent
 * @param speed  how much faster than real time
 * @param days   how many of the district's days to deliver from its start; else all
 * @param from   the first interval to deliver, to continue a stopped feed (the ones before are simulated, not delivered)
 */
public record LiveSampleRequest(DistrictConfig config, TrafficShift shift, Path inbox, FeedSpeed speed, OptionalInt days,
                                Optional<Instant> from) {
}
