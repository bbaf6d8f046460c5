package org.flowcast.jobs.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.TrainingSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The training options of every command that trains ({@code flowcast train}, {@code evaluate}, {@code bench models},
 * {@code flowcast-spark}): one picocli mixin, so that each option has one name, default, help text and check.
 */
public final class TrainingOptions {
    @Option(names = "--horizon", converter = OptionValues.HorizonSteps.class, defaultValue = "12",
            description = "Steps out: 12 (one hour) or 24 (two hours) (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--epochs", converter = OptionValues.AtLeastOne.class, defaultValue = "30",
            description = "Most epochs of a neural model (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--average-decay", paramLabel = "D", defaultValue = "0.99", converter = OptionValues.AverageDecay.class,
            description = "Validation and the saved weights use a moving average of the weights that keeps min(D, (1+t)/(10+t)) "
                    + "of itself at step t; 0 uses the last step's weights (default: ${DEFAULT-VALUE}).")
    double averageDecay;

    @Option(names = "--train-seconds", paramLabel = "S", converter = OptionValues.AtLeastOne.class,
            description = "A neural model's training budget in seconds (each corridor's, with --corridor): it stops after the "
                    + "epoch that passes it. The model then depends on the machine's speed, not only on the seed (default: none).")
    Integer trainSeconds;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A model parameter, e.g. hidden=128 or lambda=0.1 ('flowcast models' lists each model's); a model "
                    + "that does not take it is refused before any data is read.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The settings as given, unchecked. */
    public TrainingSettings settings() {
        return new TrainingSettings(horizon, epochs, seed, averageDecay,
                trainSeconds == null ? OptionalInt.empty() : OptionalInt.of(trainSeconds), parameters);
    }

    /**
     * The settings, checked for these models before any data is read: an impossible configuration or a parameter one
     * of the models does not take is a usage error that names the options to change.
     */
    public TrainingSettings checkedFor(List<String> models) {
        TrainingSettings settings = settings();
        try {
            settings.config();
        } catch (JobException e) {
            throw new ParameterException(command.commandLine(), e.getMessage() + "; check --horizon, --epochs, --train-seconds "
                    + "and --average-decay");
        }
        try {
            settings.checkModels(models);
        } catch (JobException e) {
            throw new ParameterException(command.commandLine(), e.getMessage() + "; give --param only with --model"
                    + (models.size() > 1 ? "s" : "") + " that take it");
        }
        return settings;
    }

    public int horizon() {
        return horizon;
    }
}
