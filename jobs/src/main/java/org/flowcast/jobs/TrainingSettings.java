package org.flowcast.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.flowcast.model.ModelRegistry;
import org.flowcast.model.TrainingConfig;

/**
 * How every job that trains fits its models: the horizon, epochs, seed, weight averaging, an optional time budget
 * and the models' parameters. Checked once, before any data is read, the same way by every front end.
 */
public record TrainingSettings(int horizon, int epochs, long seed, double averageDecay, OptionalInt trainSeconds,
                               Map<String, String> parameters) {
    public TrainingSettings {
        parameters = Map.copyOf(parameters);
    }

    /** The training configuration these settings make; an impossible one is a usage error. */
    public TrainingConfig config() throws JobException {
        if (horizon != 12 && horizon != 24) {
            throw JobException.usage("the horizon must be 12 (one hour) or 24 (two hours) steps, was " + horizon);
        }
        if (epochs < 1) {
            throw JobException.usage("the most epochs must be at least 1, was " + epochs);
        }
        if (trainSeconds.isPresent() && trainSeconds.getAsInt() < 1) {
            throw JobException.usage("a training budget must be at least 1 second, was " + trainSeconds.getAsInt());
        }
        TrainingConfig config;
        try {
            config = TrainingConfig.defaults().withHorizon(horizon).withEpochs(epochs).withSeed(seed).withAverageDecay(averageDecay);
        } catch (IllegalArgumentException e) {
            throw JobException.usage(e.getMessage());
        }
        return trainSeconds.isEmpty() ? config : config.withTimeBudget(Duration.ofSeconds(trainSeconds.getAsInt()));
    }

    /** Refuses, as a usage error, a model that is not registered or a parameter one of the models does not take. */
    public void checkModels(List<String> models) throws JobException {
        config();
        for (String name : models) {
            try {
                ModelRegistry.get(name).checkParameters(parameters);
            } catch (IllegalArgumentException e) {
                throw JobException.usage(e.getMessage());
            }
        }
    }
}
