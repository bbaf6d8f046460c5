package org.flowcast.jobs;

import java.util.List;
import org.flowcast.core.Station;
import org.flowcast.ingest.quality.StationQuality;

/** Which stations a command reads when the user names none: every mainline station with data, in corridor order. */
public final class StationChoice {
    private StationChoice() {
    }

    /**
     * The mainline stations (or those of unknown lane type) with readings, by freeway, direction and
     * postmile; of one freeway and direction where {@code freeway} is not null.
     */
    public static List<Integer> mainline(Workspace workspace, Integer freeway, String direction) throws JobException {
        return StationService.perStation(workspace).stream()
                .filter(q -> q.slotsPresent() > 0)
                .filter(q -> "ML".equals(q.station().laneType()) || q.station().laneType().isEmpty())
                .filter(q -> freeway == null || (q.station().freeway() == freeway && q.station().direction().equalsIgnoreCase(direction)))
                .map(StationQuality::station).map(Station::id).toList();
    }
}
