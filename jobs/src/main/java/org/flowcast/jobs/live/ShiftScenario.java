package org.flowcast.jobs.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowcast.core.Corridor;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.jobs.CorridorCatalog;
import org.flowcast.jobs.IngestService;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.ModelFiles;
import org.flowcast.jobs.SeriesReader;
import org.flowcast.jobs.SeriesRequest;
import org.flowcast.jobs.TrainService;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.feed.FeedClock;
import org.flowcast.jobs.feed.FeedFileName;
import org.flowcast.jobs.feed.FeedListener;
import org.flowcast.jobs.feed.FeedSpeed;
import org.flowcast.jobs.feed.ReplayRequest;
import org.flowcast.jobs.feed.ReplayService;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.sample.SampleConfig;
import org.flowcast.sample.SampleCorridor;
import org.flowcast.sample.TrafficShift;

/**
 * What every variant of a shift bench starts from: the sample corridor with its deliberate shift as PeMS daily files; the
 * days before the replay ingested into a fresh database (the history); the replayed days as a live feed of 5-minute files
 * ({@link ReplayService} at full speed); and each model trained on the history as {@code flowcast train --corridor} trains
 * it (the protocol's 60/20/20 split, the corridor's file name).
 */
final class ShiftScenario {
    private static final Pattern DAILY_FILE = Pattern.compile("d\\d+_text_station_5min_(\\d{4}_\\d{2}_\\d{2})\\.txt(\\.gz)?");
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy_MM_dd", Locale.ROOT);

    /** A model trained on the history: its file, the seconds it took (reading the data, fitting, writing) and its data. */
    record Trained(String model, Path file, double seconds, TimeRange data) {
    }

    /** The history's database and models folder (copied by each variant), the feed's files in time order, the corridor. */
    record Prepared(Path database, Path models, List<Path> feed, Corridor corridor, int historyDays, List<Trained> trained) {
    }

    private ShiftScenario() {
    }

    static Prepared prepare(SampleConfig sample, TrafficShift shift, ShiftTimeline timeline, List<String> models, TrainingSettings training,
                            Path folder, Consumer<String> progress) throws JobException, IOException {
        Path sampleFolder = folder.resolve("sample");
        progress.accept("writing the sample corridor (" + sample.stations() + " stations, " + sample.weeks() + " weeks"
                + (shift.none() ? ", no shift" : ", " + shift.label()) + ") into " + sampleFolder);
        SampleCorridor.Written written;
        try {
            written = new SampleCorridor(sample, shift).writeTo(sampleFolder);
        } catch (IllegalArgumentException e) {
            throw JobException.usage(e.getMessage());
        }
        LocalDate firstReplayed = timeline.replayStart().atZone(PemsTime.ZONE).toLocalDate();
        List<Path> history = new ArrayList<>();
        for (Path day : written.files()) {
            Matcher m = DAILY_FILE.matcher(day.getFileName().toString());
            if (m.matches() && LocalDate.parse(m.group(1), FILE_DATE).isBefore(firstReplayed)) {
                history.add(day);
            }
        }
        int historyDays = history.size();
        history.add(written.metadata());
        Path database = folder.resolve("base").resolve("flowcast");
        progress.accept("ingesting the " + historyDays + " days before " + firstReplayed + " into " + database);
        IngestService.Outcome ingested = IngestService.ingest(database.toString(), history, IngestOptions.defaults(), IngestListener.NONE);
        for (FileIngestResult r : ingested.results()) {
            if (r.status().isFailure()) {
                throw new JobException("the history file " + r.file() + " could not be ingested: " + r.message());
            }
        }
        List<Path> feed = writeFeed(sampleFolder, folder.resolve("feed"), timeline);
        progress.accept("the replay: " + feed.size() + " five-minute files from " + firstReplayed);
        Path modelsFolder = Files.createDirectories(folder.resolve("base").resolve("models"));
        List<Trained> trained = new ArrayList<>();
        Corridor corridor;
        try (Workspace workspace = Workspace.open(database.toString())) {
            corridor = CorridorCatalog.withoutCoverage(workspace, Optional.empty()).choose(List.of("all")).get(0);
            for (String model : models) {
                progress.accept("training " + model + " on the history of corridor " + corridor.name() + " (" + training.epochs()
                        + " epochs at most)");
                Trained t = train(workspace, corridor, model, training, EvaluationProtocol.of(training.horizon()), modelsFolder);
                progress.accept(String.format(Locale.ROOT, "trained %s in %.1f s", model, t.seconds()));
                trained.add(t);
            }
        }
        return new Prepared(database, modelsFolder, feed, corridor, historyDays, trained);
    }

    /**
     * Trains a model on all of a corridor's stored data with a protocol and writes it as the corridor's model file in
     * {@code folder}, over any file there; the seconds count reading the data as well as fitting and writing.
     */
    static Trained train(Workspace workspace, Corridor corridor, String model, TrainingSettings training, EvaluationProtocol protocol,
                         Path folder) throws JobException {
        long began = System.nanoTime();
        Path file = ModelFiles.corridorFile(folder, model, training.horizon(), corridor.name());
        TrainService service = new TrainService();
        TrainService.Plan plan = service.plan(new TrainService.Request(model, training.parameters(), training.config(), protocol, file,
                false, true), TrainingListener.NONE);
        SensorSeries series = SeriesReader.read(workspace, SeriesRequest.everything(), corridor);
        service.train(plan, series, split -> { });
        return new Trained(model, file, (System.nanoTime() - began) / 1e9, new TimeRange(series.start(), series.end()));
    }

    /** The replayed days as a live feed: one file per 5-minute interval from the replay's start, the metadata left out. */
    private static List<Path> writeFeed(Path sample, Path feed, ShiftTimeline timeline) throws JobException, IOException {
        ReplayService.prepare(new ReplayRequest(sample, feed, FeedSpeed.MAX, Optional.of(timeline.replayStart()), Optional.empty(),
                OptionalLong.empty()), FeedClock.SYSTEM, FeedListener.NONE).run();
        try (Stream<Path> files = Files.list(feed)) {
            // the history's metadata file is in the database already: the watcher is given intervals only
            return files.filter(p -> FeedFileName.PATTERN.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }
}
