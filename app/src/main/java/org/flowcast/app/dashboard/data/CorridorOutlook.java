package org.flowcast.app.dashboard.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcast.core.Station;

/**
 * One corridor of the district overview: its stations in corridor order and, where a forecast run of
 * the corridor is stored, that run's forecasts from its newest origin, by station.
 */
public record CorridorOutlook(String corridor, List<Station> stations, Optional<RunChoice> run, Optional<Instant> origin,
                              Map<Integer, StationForecast> forecasts) {
    public CorridorOutlook {
        stations = List.copyOf(stations);
        forecasts = Map.copyOf(forecasts);
    }

    /** A corridor with no stored forecast. */
    public static CorridorOutlook withoutForecast(String corridor, List<Station> stations) {
        return new CorridorOutlook(corridor, stations, Optional.empty(), Optional.empty(), Map.of());
    }
}
