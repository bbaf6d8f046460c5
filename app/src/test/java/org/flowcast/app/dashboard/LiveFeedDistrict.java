package org.flowcast.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
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
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.SampleDistrict;
import org.flowcast.store.FlowcastDatabase;

/**
 * A small simulated district for the dashboard in live operation, made once per JVM (the jobs' live tests build theirs
 * the same way; their test classes are not on this module's class path): 2 corridors (5-N, 5-S) of 4 stations over 2
 * weeks, all days but the last ingested with a linear AR model trained for each corridor, and the last day cut into one
 * file per 5-minute interval as a live feed delivers it. Each test copies the database it needs.
 */
final class LiveFeedDistrict {
    private static Path home;
    private static List<Path> feed;

    private LiveFeedDistrict() {
    }

    private static synchronized Path home() throws Exception {
        if (home == null) {
            Path made = Files.createTempDirectory("flowcast-live-dashboard");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made)));
            Path files = made.resolve("files");
            SampleDistrict.Written written = new SampleDistrict(new DistrictConfig(2, 4, 2, 42, LocalDate.of(2023, 2, 6))).writeTo(files);
            List<Path> days = written.files().stream().sorted().toList();
            List<Path> history = new ArrayList<>(days.subList(0, days.size() - 1));
            history.add(0, written.metadata());
            Path database = made.resolve("db").resolve("flowcast");
            try (FlowcastDatabase db = FlowcastDatabase.open(database)) {
                for (FileIngestResult r : new Ingester(db, IngestOptions.defaults(), IngestListener.NONE).ingest(history)) {
                    assertThat(r.status().isFailure()).as(r.message()).isFalse();
                }
            }
            try (Workspace workspace = Workspace.open(database.toString())) {
                TrainingSettings settings = new TrainingSettings(12, 30, 42, 0.99, OptionalInt.empty(), Map.of());
                for (Corridor corridor : CorridorCatalog.withoutCoverage(workspace, Optional.empty()).choose(List.of("all"))) {
                    TrainService service = new TrainService();
                    TrainService.Plan plan = service.plan(new TrainService.Request("linear-ar", Map.of(), settings.config(),
                            EvaluationProtocol.of(12), ModelFiles.corridorFile(made.resolve("models"), "linear-ar", 12, corridor.name()),
                            false, false), TrainingListener.NONE);
                    service.train(plan, SeriesReader.read(workspace, SeriesRequest.everything(), corridor), split -> { });
                }
            }
            feed = cut(days.get(days.size() - 1), made.resolve("feed"));
            home = made;
        }
        return home;
    }

    /** The folder of the corridors' model files. */
    static Path models() throws Exception {
        return home().resolve("models");
    }

    /** The last day's 5-minute files, in time order. */
    static List<Path> feed() throws Exception {
        home();
        return feed;
    }

    /** A copy of the database with the history ingested, in {@code folder}. */
    static Path databaseCopy(Path folder) throws Exception {
        Path original = home().resolve("db").resolve("flowcast.mv.db");
        Files.createDirectories(folder);
        Files.copy(original, folder.resolve("flowcast.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        return folder.resolve("flowcast");
    }

    /** Delivers feed files into an inbox as a live feed does: written under a dot-name, then renamed. */
    static void deliver(List<Path> files, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        for (Path file : files) {
            Path partial = inbox.resolve("." + file.getFileName() + ".part");
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Cuts a daily station_5min file into one file per 5-minute interval, named by the interval. */
    private static List<Path> cut(Path daily, Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, List<String>> byTime = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(daily)),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                byTime.computeIfAbsent(line.substring(0, line.indexOf(',')), k -> new ArrayList<>()).add(line);
            }
        }
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byTime.entrySet()) {
            String t = e.getKey(); // MM/dd/yyyy HH:mm:ss
            String name = String.format("d99_text_station_5min_%s_%s_%s_%s%s.txt", t.substring(6, 10), t.substring(0, 2),
                    t.substring(3, 5), t.substring(11, 13), t.substring(14, 16));
            files.add(Files.write(folder.resolve(name), e.getValue(), StandardCharsets.UTF_8));
        }
        return files;
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
