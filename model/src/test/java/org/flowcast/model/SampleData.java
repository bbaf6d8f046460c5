package org.flowcast.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.ingest.InputFiles;
import org.flowcast.sample.SampleConfig;
import org.flowcast.sample.SampleCorridor;
import org.flowcast.store.FlowcastDatabase;
import org.flowcast.store.SeriesQuery;

/** A small sample corridor, written, ingested and read back once per test JVM, as the product does. */
public final class SampleData {
    /**
     * 8 stations over 5 weeks. With 3, the Conv-LSTM's weekly branch had a single week of week-aligned
     * training windows and overfitted them (test MAE above persistence's after validation below it).
     */
    public static final SampleConfig CONFIG = new SampleConfig(8, 5, 42, LocalDate.of(2023, 2, 6));
    private static SensorSeries series;

    private SampleData() {
    }

    public static synchronized SensorSeries series() {
        if (series == null) {
            try {
                Path folder = Files.createTempDirectory("flowcast-model-test");
                new SampleCorridor(CONFIG).writeTo(folder.resolve("files"));
                try (FlowcastDatabase db = FlowcastDatabase.open(folder.resolve("db/flowcast"))) {
                    new Ingester(db, IngestOptions.defaults(), IngestListener.NONE)
                            .ingest(InputFiles.expand(List.of(folder.resolve("files").toString())));
                    SeriesQuery query = new SeriesQuery(db);
                    TimeRange range = query.storedRange(List.of(990001)).orElseThrow();
                    series = query.corridor(SampleConfig.FREEWAY, SampleConfig.DIRECTION, "ML", range);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return series;
    }
}
