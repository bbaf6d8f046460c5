package org.flowcast.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowcast.core.AdaptiveIntervalSettings;
import org.flowcast.core.Corridor;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.ForecastJob;
import org.flowcast.jobs.Workspace;
import org.flowcast.store.LiveRuns;
import org.flowcast.store.SeriesQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corridor's adaptive intervals after a restart: their windows count scores, not origins, so where flows went missing
 * a window reaches further back than its origins; the restarted watcher rebuilds each exactly as far, and issues the
 * intervals one never stopped would have issued.
 */
class RestartedIntervalsTest {
    private static final int STEPS = 60;
    /** A window of 6 origins of the corridor's 4 stations: 24 scores, used once it holds 12. */
    private static final AdaptiveIntervalSettings SMALL = new AdaptiveIntervalSettings(0.05, 6, 3);

    @TempDir
    Path dir;

    @Test
    void aCorridorStartedAgainAfterAStretchOfMissingFlowsIssuesTheIntervalsOfOneNeverStopped() throws Exception {
        List<Path> feed = thinned(LiveDistrict.feed().subList(0, STEPS), 20, 40);
        Path whole = LiveDistrict.databaseCopy(dir.resolve("whole"));
        Path restarted = LiveDistrict.databaseCopy(dir.resolve("restarted"));
        run(whole, feed, List.of(STEPS));
        // restarted just after the stretch, and once more where the windows reach into it
        run(restarted, feed, List.of(42, 44, STEPS));
        assertThat(StoredState.of(restarted)).isEqualTo(StoredState.of(whole));
    }

    /**
     * Ingests the feed and has corridor 5-N's model do its steps, a new {@link CorridorLive} (a watcher started again)
     * taking over after each of {@code stops}.
     */
    private static void run(Path database, List<Path> feed, List<Integer> stops) throws Exception {
        try (Workspace workspace = Workspace.open(database.toString())) {
            Corridor corridor = CorridorCatalog.withoutCoverage(workspace, Optional.empty()).choose(List.of("5-N")).get(0);
            SeriesQuery query = new SeriesQuery(workspace.database());
            Instant startAfter = query.newestReading(corridor.stationIds()).orElseThrow();
            for (FileIngestResult r : new Ingester(workspace.database(), IngestOptions.defaults(), IngestListener.NONE).ingest(feed)) {
                assertThat(r.status().isFailure()).as(r.message()).isFalse();
            }
            Path model = LiveDistrict.models().resolve("linear-ar-h12-5-N.fcm");
            LiveRuns runs = new LiveRuns(workspace.database());
            int step = 1;
            for (int stop : stops) {
                CorridorLive live = new CorridorLive(corridor, model, ForecastJob.load(model), runs, query, SMALL, Optional.of(startAfter),
                        note -> { });
                for (; step <= stop; step++) {
                    live.process(startAfter.plusSeconds(300L * step));
                }
            }
        }
    }

    /** The feed with only the first station's rows in files {@code from} (inclusive) to {@code to}: the others not observed. */
    private List<Path> thinned(List<Path> feed, int from, int to) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("feed"));
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < feed.size(); i++) {
            List<String> rows = Files.readAllLines(feed.get(i), StandardCharsets.UTF_8);
            out.add(Files.write(folder.resolve(feed.get(i).getFileName()), i >= from && i < to ? rows.subList(0, 1) : rows,
                    StandardCharsets.UTF_8));
        }
        return out;
    }
}
