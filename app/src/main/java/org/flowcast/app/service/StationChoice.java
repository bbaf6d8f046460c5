package org.flowcast.app.service;

import java.util.List;
import org.flowcast.core.Station;
import org.flowcast.ingest.quality.QualityReport;
import org.flowcast.ingest.quality.StationQuality;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.StoreException;

/** Which stations a command reads when the user names none: every mainline station with data, in corridor order. */
public final class StationChoice {
    private StationChoice() {
    }

    /**
     * The mainline stations (or those of unknown lane type) with readings, by freeway, direction and
     * postmile; of one freeway and direction where {@code freeway} is not null.
     */
    public static List<Integer> mainline(FlowcastDatabase db, Integer freeway, String direction) throws StoreException {
        return new QualityReport(db).perStation().stream()
                .filter(q -> q.slotsPresent() > 0)
                .filter(q -> "ML".equals(q.station().laneType()) || q.station().laneType().isEmpty())
                .filter(q -> freeway == null || (q.station().freeway() == freeway && q.station().direction().equalsIgnoreCase(direction)))
                .map(StationQuality::station).map(Station::id).toList();
    }
}
