package org.flowcast.jobs;

import java.util.Optional;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;

/**
 * Whether a series' stations are in corridor order: the Conv-LSTM convolves over neighbouring stations,
 * so an order that is not by postmile (stations without PeMS metadata fall back to their ids) makes its
 * neighbours arbitrary. Says so rather than training on it silently.
 */
public final class CorridorOrder {
    private CorridorOrder() {
    }

    /** A warning where some stations have no postmile to be ordered by; empty where every one has. */
    public static Optional<String> warning(SensorSeries series) {
        long without = series.stations().stream().filter(s -> Double.isNaN(s.absolutePostmile())).count();
        if (without == 0) {
            return Optional.empty();
        }
        Station first = series.stations().stream().filter(s -> Double.isNaN(s.absolutePostmile())).findFirst().orElseThrow();
        return Optional.of(without + " of the " + series.stationCount() + " stations (e.g. " + first.id() + ") have no postmile, so "
                + "the corridor order is by station id, not along the road: models that read neighbouring stations (the "
                + "Conv-LSTM's convolution) then see arbitrary neighbours. Ingest the district's dNN_text_meta file, or give "
                + "--stations in corridor order (kept as given).");
    }
}
