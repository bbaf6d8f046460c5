package org.flowcast.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.reports.Backtester;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.reports.ModelRun;
import org.flowcast.reports.ReportWriter;
import org.flowcast.reports.RollingOrigin;
import org.flowcast.reports.Summaries;

/**
 * Evaluates models on the protocol: fitted once on the chronological split, or refitted before each
 * rolling fold of the test share; returns the summary that the run folder and the report are made from.
 */
public final class EvaluateService {

    /** What to evaluate, on which data (named for the report), and how. */
    public record Request(String data, SensorSeries series, List<String> models, Map<String, String> parameters, TrainingConfig config,
                          EvaluationProtocol protocol) {
        public Request {
            parameters = Map.copyOf(parameters);
        }
    }

    private final Function<String, TrainingListener> training;
    private final Consumer<String> progress;

    /**
     * @param training the listener of each model's training, by model
     * @param progress lines saying what is being done
     */
    public EvaluateService(Function<String, TrainingListener> training, Consumer<String> progress) {
        this.training = training;
        this.progress = progress;
    }

    /** Backtests the models on one split. */
    public EvaluationSummary onSplit(Request request) throws JobException {
        TrainingConfig config = request.config();
        ChronologicalSplit split = split(request);
        progress.accept(String.format(Locale.ROOT, "Evaluating on %d stations: %d training, %d validation, %d test windows",
                request.series().stationCount(), split.trainOrigins(), split.validationOrigins(), split.testOrigins()));
        sayUnscored(split);
        List<ModelRun> runs = new ArrayList<>();
        for (String name : request.models()) {
            progress.accept(name + ": fitting");
            runs.add(new Backtester(config, training.apply(name)).run(name, request.parameters(), split));
        }
        return Summaries.of(request.data(), split, config.horizon(), config.seed(), runs, request.protocol().describe());
    }

    /** Backtests the models with rolling origins of {@code days} days over the test share, refitting before each where asked. */
    public EvaluationSummary rolling(Request request, int days, boolean retrain) throws JobException {
        TrainingConfig config = request.config();
        ChronologicalSplit split = split(request);
        RollingOrigin plan = new RollingOrigin(new Backtester(config, TrainingListener.NONE), days, retrain);
        String scheme = plan.describe(plan.folds(request.series(), config.horizon()));
        sayUnscored(split);
        List<ModelRun> runs = new ArrayList<>();
        for (String name : request.models()) {
            progress.accept(name + ": " + scheme);
            runs.add(new RollingOrigin(new Backtester(config, training.apply(name)), days, retrain)
                    .run(name, request.parameters(), request.series(), config.horizon()));
        }
        return Summaries.of(request.data(), split, config.horizon(), config.seed(), runs, scheme);
    }

    /** Says which stations the scores leave out, never observed in the test part, as the report does. */
    private void sayUnscored(ChronologicalSplit split) {
        String note = Summaries.unscoredNote(Backtester.neverObserved(split.test()));
        if (!note.isEmpty()) {
            progress.accept("Note: " + note.substring(2));
        }
    }

    private static ChronologicalSplit split(Request request) throws JobException {
        try {
            return request.protocol().split(request.series());
        } catch (IllegalArgumentException e) {
            throw new JobException(e.getMessage() + "; the protocol needs a week of history before each window: give more data");
        }
    }

    /**
     * Writes an evaluation's run folder ({@code run.json} and the CSV tables) and its report; the report opens on
     * {@code target}'s step-by-step table where that station was evaluated.
     */
    public static ReportWriter.Written write(EvaluationSummary summary, Path folder, OptionalInt target) throws JobException {
        try {
            ReportWriter.saveRun(summary, folder);
            boolean held = target.isPresent() && summary.protocol().stationIds().contains(target.getAsInt());
            return new ReportWriter().write(summary, folder, held ? target : OptionalInt.empty());
        } catch (IOException e) {
            throw new JobException("cannot write the report in " + folder + ": " + e.getMessage(), e);
        }
    }
}
