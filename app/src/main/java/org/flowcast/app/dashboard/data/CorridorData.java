package org.flowcast.app.dashboard.data;

import java.util.List;
import org.flowcast.core.SensorSeries;

/**
 * The recent readings of one freeway and direction, stations in postmile order; stations of the
 * corridor with no reading in the period are left out of the series and listed in {@code withoutReadings}.
 */
public record CorridorData(String corridor, SensorSeries series, List<Integer> withoutReadings) {
    public CorridorData {
        withoutReadings = List.copyOf(withoutReadings);
    }
}
