package org.flowcast.jobs.live;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.flowcast.core.Corridor;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.Ingester;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.ModelFiles;
import org.flowcast.jobs.SeriesReader;
import org.flowcast.jobs.SeriesRequest;
import org.flowcast.jobs.TrainService;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.feed.FeedClock;
import org.flowcast.jobs.feed.FeedListener;
import org.flowcast.jobs.feed.FeedSpeed;
import org.flowcast.jobs.feed.ReplayRequest;
import org.flowcast.jobs.feed.ReplayService;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.SampleDistrict;
import org.flowcast.store.FlowcastDatabase;

/**
 * A small simulated district for live operation, made once per JVM: 2 corridors (5-N, 5-S) of 4 stations over 2 weeks,
 * all days but the last ingested into a database with a linear AR model trained for each corridor, and the last day
 * replayed ({@link ReplayService}, at once) into one file per 5-minute interval as a live feed delivers it. Each test
 * copies the database and the feed it needs; the app's live dashboard tests use it too (this module's test jar).
 */
public final class LiveDistrict {
    private static Path home;
    private static List<Path> feed;

    private LiveDistrict() {
    }

    static synchronized Path home() throws Exception {
        if (home == null) {
            Path made = Files.createTempDirectory("flowcast-live");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made)));
            home = made;
            Path files = home.resolve("files");
            SampleDistrict.Written written = new SampleDistrict(new DistrictConfig(2, 4, 2, 42, LocalDate.of(2023, 2, 6))).writeTo(files);
            List<Path> days = written.files().stream().sorted().toList();
            Path lastDay = days.get(days.size() - 1);
            List<Path> history = new ArrayList<>(days.subList(0, days.size() - 1));
            history.add(0, written.metadata());
            try (FlowcastDatabase db = FlowcastDatabase.open(database())) {
                for (FileIngestResult r : new Ingester(db, IngestOptions.defaults(), IngestListener.NONE).ingest(history)) {
                    assertThat(r.status().isFailure()).as(r.message()).isFalse();
                }
            }
            try (Workspace workspace = Workspace.open(database().toString())) {
                TrainingSettings settings = new TrainingSettings(12, 30, 42, 0.99, OptionalInt.empty(), Map.of());
                for (Corridor corridor : CorridorCatalog.withoutCoverage(workspace, Optional.empty()).choose(List.of("all"))) {
                    TrainService service = new TrainService();
                    TrainService.Plan plan = service.plan(new TrainService.Request("linear-ar", Map.of(), settings.config(),
                            EvaluationProtocol.of(12), ModelFiles.corridorFile(models(), "linear-ar", 12, corridor.name()), false, false),
                            TrainingListener.NONE);
                    service.train(plan, SeriesReader.read(workspace, SeriesRequest.everything(), corridor), split -> { });
                }
            }
            Path folder = home.resolve("feed");
            ReplayService.prepare(new ReplayRequest(lastDay, folder, FeedSpeed.MAX, Optional.empty(), Optional.empty(),
                    OptionalLong.empty()),
                    FeedClock.SYSTEM, FeedListener.NONE).run();
            try (Stream<Path> delivered = Files.list(folder)) {
                feed = delivered.filter(f -> f.getFileName().toString().contains("_station_5min_")).sorted().toList();
            }
        }
        return home;
    }

    static Path database() {
        return home.resolve("db").resolve("flowcast");
    }

    /** The folder of the corridors' model files. */
    public static Path models() throws Exception {
        return home().resolve("models");
    }

    /** The last day's 5-minute files, in time order. */
    public static List<Path> feed() throws Exception {
        home();
        return feed;
    }

    /** A copy of the database with the history ingested, for one test. */
    public static Path databaseCopy(Path folder) throws Exception {
        home();
        Files.createDirectories(folder);
        Files.copy(database().resolveSibling("flowcast.mv.db"), folder.resolve("flowcast.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        return folder.resolve("flowcast");
    }

    /** Delivers feed files into an inbox as a live feed does: written under a dot-name, then renamed. */
    public static void deliver(List<Path> files, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        for (Path file : files) {
            Path partial = inbox.resolve("." + file.getFileName() + ".part");
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
