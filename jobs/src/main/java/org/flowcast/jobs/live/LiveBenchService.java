package org.flowcast.jobs.live;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.flowcast.core.FlowcastVersion;
import org.flowcast.core.PemsTime;
import org.flowcast.core.RunEnvironment;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.ScratchFolder;
import org.flowcast.jobs.Workspace;

/**
 * Measures live operation's latency ({@code flowcast bench live}): a copy of an embedded database with its history and
 * the corridors' models, and a feed of 5-minute files delivered one at a time into a watcher's inbox (written aside, then
 * renamed); for each, the seconds from the rename to the commit of the step's last corridor. The first steps warm the
 * JVM and are reported apart from the measured ones. The watcher's settle time and polling are left out (settle 0, one
 * cycle per file): a live feed's file waits for them too, by default 250 ms and up to 200 ms more.
 */
public final class LiveBenchService {
    /** What to measure: the database (an H2 file, copied first), the models folder, the feed, how many steps, how many to warm up. */
    public record Request(Path database, Path models, Path feed, int steps, int warmUp) {
    }

    /** Latency of each step, warm-up first, and what was refreshed. */
    public record Figures(int corridors, int stations, List<String> watched, double[] warmUpSeconds, double[] seconds, long rowsPerStep,
                          double[] ingestSeconds) {
        public double percentile(double p) {
            return percentile(seconds, p);
        }

        /** The median seconds a step's file took to ingest, in the measured steps. */
        public double medianIngest() {
            return percentile(ingestSeconds, 0.5);
        }

        private static double percentile(double[] values, double p) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }

        public void writeJson(Path file) throws IOException {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode();
            root.put("bench", "live");
            root.put("codeCommit", FlowcastVersion.commit());
            root.putPOJO("environment", RunEnvironment.describe());
            root.put("corridors", corridors);
            root.put("stations", stations);
            root.put("rowsPerStep", rowsPerStep);
            root.put("p50Seconds", percentile(0.5));
            root.put("p95Seconds", percentile(0.95));
            root.put("medianIngestSeconds", medianIngest());
            ArrayNode measured = root.putArray("stepSeconds");
            Arrays.stream(seconds).forEach(measured::add);
            ArrayNode warm = root.putArray("warmUpSeconds");
            Arrays.stream(warmUpSeconds).forEach(warm::add);
            ArrayNode models = root.putArray("watched");
            watched.forEach(models::add);
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        }
    }

    private LiveBenchService() {
    }

    public static Figures run(Request request, Consumer<String> progress) throws JobException {
        if (request.database().toString().startsWith("jdbc:")) {
            throw JobException.usage("the live bench works on a copy of an embedded database: give an H2 file path, not a URL");
        }
        Path mvDb = Path.of(request.database().toString().replaceFirst("\\.mv\\.db$", "") + ".mv.db");
        if (!Files.isRegularFile(mvDb)) {
            throw JobException.usage("there is no database " + mvDb + "; ingest the history and train the corridors' models first");
        }
        List<Path> feed = feedFiles(request.feed());
        int needed = request.warmUp() + request.steps();
        if (feed.size() < needed) {
            throw JobException.usage(request.feed() + " holds " + feed.size() + " files; the bench needs " + needed
                    + " (its warm-up and measured steps)");
        }
        try (ScratchFolder scratch = new ScratchFolder("flowcast-bench-live")) {
            Path copy = scratch.path().resolve("db").resolve("flowcast.mv.db");
            Files.createDirectories(copy.getParent());
            Files.copy(mvDb, copy);
            Path inbox = Files.createDirectories(scratch.path().resolve("inbox"));
            List<WatchService.StepReport> reports = new ArrayList<>();
            long[] rows = {0};
            try (Workspace workspace = Workspace.open(copy.getParent().resolve("flowcast").toString())) {
                WatchSettings settings = WatchSettings.defaults(inbox, request.models());
                settings = new WatchSettings(inbox, settings.corridors(), settings.corridorFile(), request.models(), settings.model(),
                        Duration.ZERO, settings.poll(), settings.catchUpSteps(), settings.keepOrigins(),
                        settings.keepScores(), settings.gamma(), true, settings.drift());
                try (WatchService watch = new WatchService(workspace, settings, new WatchService.Listener() {
                    @Override
                    public void file(FileIngestResult result) {
                        rows[0] = result.loaded();
                    }

                    @Override
                    public void step(WatchService.StepReport report) {
                        reports.add(report);
                    }

                    @Override
                    public void note(String message) {
                        progress.accept(message);
                    }
                }, Clock.systemUTC())) {
                    return measure(watch, feed, needed, inbox, reports, rows, request, progress);
                }
            }
        } catch (IOException e) {
            throw new JobException("the live bench could not copy the database or write its inbox: " + e.getMessage(), e);
        }
    }

    private static Figures measure(WatchService watch, List<Path> feed, int needed, Path inbox, List<WatchService.StepReport> reports,
                                   long[] rows, Request request, Consumer<String> progress) throws IOException, JobException {
        for (int i = 0; i < needed; i++) {
            Path file = feed.get(i);
            Path partial = inbox.resolve("." + file.getFileName() + ".part");
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            // the file lands now: its time is the rename's, as a feed that writes and renames gives it
            Files.setLastModifiedTime(partial, FileTime.from(Clock.systemUTC().instant()));
            Files.move(partial, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            int before = reports.size();
            watch.cycle();
            if (reports.size() == before) {
                throw new JobException(file + " brought no new 5-minute step: its interval is in the database already, "
                        + "or it was refused (see " + inbox.resolve("failed") + "); give a feed of the days after the "
                        + "database's history");
            }
            WatchService.StepReport last = reports.get(reports.size() - 1);
            progress.accept(String.format(Locale.ROOT, "step %d of %d: %s, %d corridors, %.3f s", i + 1, needed,
                    PemsTime.format(last.step()), last.refreshed(), last.latencySeconds()));
        }
        double[] all = reports.stream().filter(r -> !Double.isNaN(r.latencySeconds()))
                .mapToDouble(WatchService.StepReport::latencySeconds).toArray();
        double[] ingest = reports.stream().filter(r -> !Double.isNaN(r.ingestSeconds()))
                .mapToDouble(WatchService.StepReport::ingestSeconds).toArray();
        int corridors = watch.watched().size();
        int stations = reports.isEmpty() ? 0 : watch.stationCount();
        return new Figures(corridors, stations, watch.watched(), Arrays.copyOfRange(all, 0, Math.min(request.warmUp(), all.length)),
                Arrays.copyOfRange(all, Math.min(request.warmUp(), all.length), all.length), rows[0],
                Arrays.copyOfRange(ingest, Math.min(request.warmUp(), ingest.length), ingest.length));
    }

    private static List<Path> feedFiles(Path folder) throws JobException {
        if (!Files.isDirectory(folder)) {
            throw JobException.usage(folder + " is not a folder of 5-minute files (write one with 'flowcast replay' or "
                    + "'flowcast sample --district --live')");
        }
        try (Stream<Path> files = Files.list(folder)) {
            // the feed's 5-minute files; its metadata file (a replay writes one first) is history, not a step
            return files.filter(Files::isRegularFile).filter(p -> !InboxFolder.beingWritten(p.getFileName().toString()))
                    .filter(p -> p.getFileName().toString().contains("_station_5min_")).sorted().toList();
        } catch (IOException e) {
            throw new JobException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
