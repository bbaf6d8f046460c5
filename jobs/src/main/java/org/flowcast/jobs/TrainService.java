package org.flowcast.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.core.SensorSeries;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
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
        }
        try {
            forecaster.save(plan.request().modelFile());
        } catch (IOException e) {
            throw new JobException("cannot write the model file " + plan.request().modelFile() + ": " + e.getMessage(), e);
        }
        delete(plan.request().checkpoint());
        return new Outcome(plan.request().modelFile(), split, (System.nanoTime() - began) / 1e9);
    }

    private static void delete(Path checkpoint) throws JobException {
        try {
            Files.deleteIfExists(checkpoint);
        } catch (IOException e) {
            throw new JobException("cannot delete the checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }
}
