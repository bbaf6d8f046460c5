package org.flowcast.ingest.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.flowcast.core.Channel;
import org.flowcast.core.QualityFlag;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.ingest.Fixtures;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.SeriesQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapFillJobTest {
    private static final Instant MONDAY = Instant.parse("2022-01-03T08:00:00Z");
    private static final TimeRange DAY = new TimeRange(MONDAY, MONDAY.plusSeconds(86400));

    @TempDir
    Path dir;

    @Test
    void storesFilledValuesMarkedAndSummarisesQuality() throws Exception {
        List<String> rows = new ArrayList<>(Fixtures.rows(LocalDateTime.of(2022, 1, 3, 0, 0), 288, 101));
        rows.remove(100); // one 5-minute gap
        rows.set(50, Fixtures.row(LocalDateTime.of(2022, 1, 3, 4, 10), 101, -3, 0.05, 65, 100)); // flagged
        try (FlowcastDatabase db = FlowcastDatabase.open(dir.resolve("flowcast"))) {
            new Ingester(db, IngestOptions.defaults(), IngestListener.NONE).ingest(List.of(Fixtures.write(dir.resolve("a.txt"), rows)));
            GapFillJob.Outcome outcome = new GapFillJob(db, new GapFiller(GapFiller.DEFAULT_MAX_LINEAR_GAP)).run(List.of(101), DAY);
            assertThat(outcome.slotsWritten()).isEqualTo(1); // the flagged slot keeps its raw reading
            SensorSeries series = new SeriesQuery(db).stations(List.of(101), DAY);
            assertThat(series.state(100, 0, Channel.FLOW)).isEqualTo(ValueState.IMPUTED);
            assertThat(series.value(100, 0, Channel.FLOW)).isEqualTo(100 + 100 + 1);
            assertThat(series.state(50, 0, Channel.FLOW)).isEqualTo(ValueState.MISSING);

            StationQuality quality = new QualityReport(db).perStation().get(0);
            assertThat(quality.slotsPresent()).isEqualTo(287);
            assertThat(quality.slotsSpanned()).isEqualTo(288);
            assertThat(quality.slotsFilled()).isEqualTo(1);
            assertThat(quality.flagged()).containsEntry(QualityFlag.NEGATIVE_FLOW, 1L);
            assertThat(quality.meanPercentObserved()).isEqualTo(100.0);
        }
    }
}
