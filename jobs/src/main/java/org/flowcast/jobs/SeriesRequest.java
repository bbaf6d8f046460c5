package org.flowcast.jobs;
import java.time.Instant;
import java.util.List;
import org.flowcast.core.PemsTime;

/**
 * Which stored data a job reads: the stations (in corridor order; empty for every mainline station with data), or
 * one freeway and direction, over a range (null ends: the stored data's own).
 */
public record SeriesRequest(List<Integer> stations, Integer freeway, String direction, Instant from, Instant to) {
    public SeriesRequest {
        stations = stations == null ? List.of() : List.copyOf(stations);
    }

    /** Every mainline station with data, over all of it. */
    public static SeriesRequest everything() {
        return new SeriesRequest(List.of(), null, null, null, null);
    }

    /** Whether stations were named, by id or by freeway. */
    public boolean namesStations() {
        return !stations.isEmpty() || freeway != null;
    }

    /** Refuses, as a usage error, a range that ends before it starts or a freeway without its direction. */
    public void validate() throws JobException {
        if (from != null && to != null && !from.isBefore(to)) {
            throw JobException.usage("the range must start before it ends, was from " + PemsTime.format(from) + " to "
                    + PemsTime.format(to));
        }
        if ((freeway == null) != (direction == null)) {
            throw JobException.usage("give a freeway and its direction together");
        }
    }
}
