package org.flowcast.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowcast.core.PemsTime;
import org.flowcast.ingest.quality.QualityReport;
import org.flowcast.ingest.quality.StationQuality;
import org.flowcast.store.StoreException;

/** The stations of a workspace with the span, coverage and quality of their data ({@code flowcast stations}, {@code quality}). */
public final class StationService {
    private static final long DAY_SLOTS = 288;

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

    /**
     * A warning for each station whose data span is mostly without readings (at least a day of it empty): a reading far
     * from the rest stretches the span that corridors, training and forecasts read.
     */
    public static List<String> sparseSpans(List<StationQuality> stations) {
        List<String> warnings = new ArrayList<>();
        for (StationQuality q : stations) {
            if (q.first().isPresent() && q.slotsSpanned() - q.slotsPresent() >= DAY_SLOTS && q.coverage() <= CorridorCatalog.MOSTLY_EMPTY) {
                warnings.add(String.format(Locale.ROOT, "station %d: its data spans %s to %s, and %.1f%% of that span's 5-minute "
                                + "slots hold a reading; a reading far from the rest stretches the span corridors, training and "
                                + "forecasts read: check the station's files", q.station().id(),
                        PemsTime.format(q.first().get()), PemsTime.format(q.last().orElseThrow()), 100 * q.coverage()));
            }
        }
        return warnings;
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
