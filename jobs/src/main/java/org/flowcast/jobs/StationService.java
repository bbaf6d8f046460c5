package org.flowcast.jobs;

import java.util.ArrayList;
import java.util.List;
import org.flowcast.ingest.quality.QualityReport;
import org.flowcast.ingest.quality.StationQuality;
import org.flowcast.store.StoreException;

/** The stations of a workspace with the span, coverage and quality of their data ({@code flowcast stations}, {@code quality}). */
public final class StationService {
    private StationService() {
    }

    /** One summary per station with readings or metadata, by freeway, direction and postmile. */
    public static List<StationQuality> perStation(Workspace workspace) throws JobException {
        try {
            return new QualityReport(workspace.database()).perStation();
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }

    /** The ids of the stations that hold readings, in the order of {@link #perStation}. */
    public static List<Integer> withData(Workspace workspace) throws JobException {
        List<Integer> ids = new ArrayList<>();
        for (StationQuality q : perStation(workspace)) {
            if (q.slotsPresent() > 0) {
                ids.add(q.station().id());
            }
        }
        return ids;
    }
}
