package org.flowcast.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.quality.GapFillJob;
import org.flowcast.ingest.quality.GapFiller;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoreException;

/** Fills the gaps in a workspace's stored data ({@code flowcast fill}), marking what it wrote as filled. */
public final class FillService {
    /** What to fill: the stations (empty: every station with data), the range (null ends: the stored data's), the longest interpolation. */
    public record Request(List<Integer> stations, Instant from, Instant to, Duration maxLinear) {
        public Request {
            stations = stations == null ? List.of() : List.copyOf(stations);
        }
    }

    /** What was filled, over how many stations. */
    public record Outcome(GapFillJob.Outcome fill, int stations) {
    }

    private FillService() {
    }

    public static Outcome fill(Workspace workspace, Request request) throws JobException {
        List<Integer> ids = request.stations().isEmpty() ? StationService.withData(workspace) : request.stations();
        if (ids.isEmpty()) {
            throw new JobException("there is no data to fill in " + workspace.location() + "; ingest some first");
        }
        try {
            TimeRange stored = new SeriesQuery(workspace.database()).storedRange(ids)
                    .orElseThrow(() -> new JobException("the chosen stations have no data"));
            TimeRange range = new TimeRange(request.from() == null ? stored.from() : request.from(),
                    request.to() == null ? stored.to() : request.to());
            return new Outcome(new GapFillJob(workspace.database(), new GapFiller(request.maxLinear())).run(ids, range), ids.size());
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
    }
}
