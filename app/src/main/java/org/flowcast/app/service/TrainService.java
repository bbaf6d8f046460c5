package org.flowcast.app.service;

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

    /** A request that cannot run, with what to do about it. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean usage;

        Refused(String message, boolean usage) {
            super(message);
            this.usage = usage;
        }

        /** Whether the options themselves are wrong (a usage error), not the state of the files. */
        public boolean usage() {
            return usage;
        }
    }

    /** Checks the model, its parameters and the checkpoint before any data is read. */
    public Plan plan(Request request, TrainingListener listener) throws Refused, IOException {
        ForecastTrainer trainer;
        try {
            trainer = ModelRegistry.get(request.model()).trainer(request.config(), request.parameters(), listener,
                    Optional.of(request.checkpoint()));
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage(), true);
        }
        Path checkpoint = request.checkpoint();
        if (request.resume() && request.fresh()) {
            throw new Refused("give --resume or --fresh, not both", true);
        }
        if (request.fresh()) {
            Files.deleteIfExists(checkpoint);
        } else if (!request.resume() && Files.exists(checkpoint)) {
            throw new Refused("an interrupted run left the checkpoint " + checkpoint + "; continue it with --resume, "
                    + "or start afresh with --fresh (which deletes it)", false);
        } else if (request.resume() && !Files.exists(checkpoint)) {
            throw new Refused("there is no checkpoint " + checkpoint + " to resume from; run without --resume", false);
        }
        return new Plan(request, trainer);
    }

    /** Splits the series by the protocol, announces the split, trains, and writes the model file. */
    public Outcome train(Plan plan, SensorSeries series, Consumer<ChronologicalSplit> announce) throws Refused, IOException {
        ChronologicalSplit split;
        try {
            split = plan.request().protocol().split(series);
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage() + "; the protocol needs a week of history before each window: give more data", false);
        }
        announce.accept(split);
        long began = System.nanoTime();
        Forecaster forecaster;
        try {
            forecaster = split.fit(plan.trainer());
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage(), false);
        }
        forecaster.save(plan.request().modelFile());
        Files.deleteIfExists(plan.request().checkpoint());
        return new Outcome(plan.request().modelFile(), split, (System.nanoTime() - began) / 1e9);
    }
}
