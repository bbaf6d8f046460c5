package org.flowcast.app.dashboard.data;

import org.flowcast.core.SensorSeries;

/** The recent readings of one freeway and direction, stations in postmile order. */
public record CorridorData(String corridor, SensorSeries series) {
}
