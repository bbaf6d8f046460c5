package org.flowcast.jobs.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.flowcast.core.Corridor;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.IngestService;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.ModelFiles;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.feed.FeedClock;
import org.flowcast.jobs.feed.FeedDelivery;
import org.flowcast.jobs.feed.FeedListener;
import org.flowcast.jobs.feed.FeedSpeed;
import org.flowcast.jobs.feed.ReplayRequest;
import org.flowcast.jobs.feed.ReplayService;

/**
 * Live operation on the demo's sample ({@code flowcast demo --live}): a database of the sample but its last day, the
 * demo's models as the corridor's model files, and the last day replayed into an inbox as a live feed, N times faster
 * than real time, while a watcher scores, recalibrates and forecasts step by step. Works in {@code live/} of the demo's
 * folder, made afresh each time, so that the demo's own database is left as it is.
 */
public final class LiveDemoService {
    /** Where the live demo works: its database, the models it runs, its inbox, and the day it replays. */
    public record Prepared(Path database, Path models, Path inbox, Path lastDay, String corridor) {
    }

    private LiveDemoService() {
    }

    /** Makes the live demo's folder from the demo's ({@code flowcast demo} must have run in {@code demoHome}). */
    public static Prepared prepare(Path demoHome, Consumer<String> progress) throws JobException {
        Path sample = demoHome.resolve("sample");
        Path demoModels = demoHome.resolve("models").resolve("demo");
        List<Path> days = dailyFiles(sample);
        List<Path> models = modelFiles(demoModels);
        if (days.size() < 2 || models.isEmpty()) {
            throw new JobException("the live demo replays the demo's last day with its models: run 'flowcast demo' first"
                    + (demoHome.equals(demoHome.toAbsolutePath()) ? "" : " (with the same --workdir)"));
        }
        Path live = demoHome.resolve("live");
        try {
            deleteTree(live);
            Path inbox = Files.createDirectories(live.resolve("inbox"));
            Path database = live.resolve("flowcast");
            List<Path> history = new ArrayList<>(days.subList(0, days.size() - 1));
            try (Stream<Path> files = Files.list(sample)) {
                files.filter(p -> p.getFileName().toString().contains("_text_meta")).forEach(history::add);
            }
            progress.accept("ingesting the sample but its last day into " + database);
            IngestService.Outcome ingested = IngestService.ingest(database.toString(), history, IngestOptions.defaults(),
                    IngestListener.NONE);
            for (FileIngestResult r : ingested.results()) {
                if (r.status().isFailure()) {
                    throw new JobException(r.message());
                }
            }
            String corridor;
            try (Workspace workspace = Workspace.open(database.toString())) {
                List<Corridor> corridors = CorridorCatalog.withoutCoverage(workspace, Optional.empty()).choose(List.of("all"));
                corridor = corridors.get(0).name();
            }
            Path modelFolder = Files.createDirectories(live.resolve("models"));
            for (Path model : models) {
                String name = model.getFileName().toString().replaceFirst("\\.fcm$", "");
                int h = name.lastIndexOf("-h");
                Files.copy(model, ModelFiles.corridorFile(modelFolder, name.substring(0, h), Integer.parseInt(name.substring(h + 2)),
                        corridor));
            }
            return new Prepared(database, modelFolder, inbox, days.get(days.size() - 1), corridor);
        } catch (IOException e) {
            throw new JobException("cannot make the live demo's folder " + live + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replays the last day into the inbox on a thread of its own at {@code speed}, and watches the inbox on this one until
     * the day is delivered and done, or {@code stop} says so.
     */
    public static void run(Prepared prepared, FeedSpeed speed, WatchService.Listener listener, BooleanSupplier stop) throws JobException {
        FeedDelivery feed = ReplayService.prepare(new ReplayRequest(prepared.lastDay(), prepared.inbox(), speed, Optional.empty(),
                Optional.empty(), OptionalLong.empty()), FeedClock.SYSTEM, FeedListener.NONE);
        AtomicBoolean delivered = new AtomicBoolean();
        AtomicReference<JobException> failed = new AtomicReference<>();
        Thread replay = new Thread(() -> {
            try {
                feed.run();
            } catch (JobException e) {
                failed.set(e);
            } finally {
                delivered.set(true);
            }
        }, "flowcast-live-demo-feed");
        replay.setDaemon(true);
        replay.start();
        WatchSettings settings = WatchSettings.defaults(prepared.inbox(), prepared.models());
        try (Workspace workspace = Workspace.open(prepared.database().toString());
             WatchService watch = new WatchService(workspace, settings, listener, Clock.systemUTC())) {
            // the day ends when the feed has delivered its last file and the watcher has done every step it brought
            watch.run(() -> stop.getAsBoolean() || failed.get() != null, delivered::get);
        } finally {
            feed.stop();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }

    private static List<Path> dailyFiles(Path sample) throws JobException {
        if (!Files.isDirectory(sample)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(sample)) {
            return files.filter(p -> p.getFileName().toString().matches("d\\d+_text_station_5min_\\d{4}_\\d{2}_\\d{2}\\.txt(\\.gz)?"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new JobException("cannot list " + sample + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> modelFiles(Path folder) throws JobException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches(".+-h\\d+\\.fcm")).sorted().toList();
        } catch (IOException e) {
            throw new JobException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
