package org.flowcast.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.ModelFileException;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.TrainingListener;

/**
 * Trains one registered model on the protocol's split and writes its model file (calibration and
 * provenance inside). An interrupted run's checkpoint beside the file is kept unless asked: resumed
 * with {@code resume}, deleted with {@code fresh}.
 */
public final class TrainService {

    /** What to train, how, and where to write it. */
    public record Request(String model, Map<String, String> parameters, TrainingConfig config, EvaluationProtocol protocol, Path modelFile,
                          boolean resume, boolean fresh) {
        public Path checkpoint() {
            return modelFile.resolveSibling(modelFile.getFileName() + ".checkpoint");
        }
    }

    /** A request found sound before any data is read: the trainer to run. */
    public record Plan(Request request, ForecastTrainer trainer) {
    }

    /** What training wrote. */
    public record Outcome(Path file, ChronologicalSplit split, double seconds) {
    }

    /** Checks the model, its parameters and the checkpoint before any data is read. */
    public Plan plan(Request request, TrainingListener listener) throws JobException {
        ForecastTrainer trainer;
        try {
            trainer = ModelRegistry.get(request.model()).trainer(request.config(), request.parameters(), listener,
                    Optional.of(request.checkpoint()));
        } catch (IllegalArgumentException e) {
            throw JobException.usage(e.getMessage());
        }
        Path checkpoint = request.checkpoint();
        if (request.resume() && request.fresh()) {
            throw JobException.usage("give --resume or --fresh, not both");
        }
        if (request.fresh()) {
            delete(checkpoint);
        } else if (!request.resume() && Files.exists(checkpoint)) {
            throw new JobException("an interrupted run left the checkpoint " + checkpoint + "; continue it with --resume, "
                    + "or start afresh with --fresh (which deletes it)");
        } else if (request.resume() && !Files.exists(checkpoint)) {
            throw new JobException("there is no checkpoint " + checkpoint + " to resume from; run without --resume");
        }
        return new Plan(request, trainer);
    }

    /** Splits the series by the protocol, announces the split, trains, and writes the model file. */
    public Outcome train(Plan plan, SensorSeries series, Consumer<ChronologicalSplit> announce) throws JobException {
        ChronologicalSplit split;
        try {
            split = plan.request().protocol().split(series);
        } catch (IllegalArgumentException e) {
            throw new JobException(e.getMessage() + "; the protocol needs a week of history before each window: give more data");
        }
        announce.accept(split);
        long began = System.nanoTime();
        Forecaster forecaster;
        try {
            forecaster = split.fit(plan.trainer());
        } catch (IllegalArgumentException e) {
            throw new JobException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw checkpointFault(plan.request(), e.getCause());
        }
        try {
            forecaster.save(plan.request().modelFile());
        } catch (IOException e) {
            throw new JobException("cannot write the model file " + plan.request().modelFile() + ": " + e.getMessage(), e);
        }
        delete(plan.request().checkpoint());
        return new Outcome(plan.request().modelFile(), split, (System.nanoTime() - began) / 1e9);
    }

    /**
     * The failure of a checkpoint, the one file training reads or writes: one of another run's settings (which training
     * refuses to resume) points to {@code --fresh}; a write that failed (a full disk) names the checkpoint, which keeps
     * the last epoch that was written.
     */
    static JobException checkpointFault(Request request, IOException e) {
        Path checkpoint = request.checkpoint();
        String reason = String.valueOf(e.getMessage()).replace(checkpoint + ": ", "");
        if (e instanceof ModelFileException && request.resume() && !reason.startsWith("not saved")) {
            // read at the start of a resumed run: of other settings (model, --param, horizon, seed, data range), or damaged
            return new JobException("cannot resume from the checkpoint " + checkpoint + ": " + reason.replace("; delete it to start "
                    + "afresh", "") + "; rerun with the settings it was made with, or start afresh with --fresh (which deletes it)", e);
        }
        if (reason.toLowerCase(Locale.ROOT).contains("no space left")) {
            return new JobException("no space left on the device that holds the checkpoint " + checkpoint + "; free some space, "
                    + "then continue with --resume (the checkpoint keeps the last epoch written)", e);
        }
        return new JobException("the checkpoint " + checkpoint + " could not be " + (request.resume() ? "read or " : "")
                + "written: " + reason + "; continue with --resume once that is fixed, or start afresh with --fresh", e);
    }

    private static void delete(Path checkpoint) throws JobException {
        try {
            Files.deleteIfExists(checkpoint);
        } catch (IOException e) {
            throw new JobException("cannot delete the checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }
}
