package org.flowcast.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flowcast.core.Forecast;
import org.flowcast.core.TimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live run as the readers of forecast runs see it, through a real H2 database. */
class LiveRunsTest {
    private static final Instant T0 = Instant.parse("2023-02-19T08:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private static LiveStep step(LiveRun run, Instant origin) {
        Forecast forecast = new Forecast("linear-ar", origin, STEP, List.of(11, 12), new float[][] {{10, 11}, {12, 13}});
        return new LiveStep(run.runId(), origin, List.of(), new byte[0], Optional.of(forecast), List.of());
    }

    @Test
    void aLiveRunOfPastDataSpansItsStoredOriginsNotTheMomentItStarted() throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("f"))) {
            LiveRuns live = new LiveRuns(db);
            LiveRun run = live.open("5-N", "linear-ar", "m.fcm", 2, List.of(11, 12), Optional.of(T0.minus(STEP)));
            live.commit(run, step(run, T0));
            live.commit(run, step(run, T0.plus(STEP)));

            assertThat(new ForecastRuns(db).runs()).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(run.runId());
                assertThat(r.range()).isEqualTo(new TimeRange(T0, T0.plus(STEP.multipliedBy(2))));
                assertThat(r.origins()).isEqualTo(2);
            });

            live.prune(T0.plus(STEP), T0);
            assertThat(new ForecastRuns(db).runs().get(0).range()).isEqualTo(new TimeRange(T0.plus(STEP), T0.plus(STEP.multipliedBy(2))));
        }
    }
}
