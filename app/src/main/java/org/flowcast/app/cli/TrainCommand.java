package org.flowcast.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowcast.app.service.TrainService;
import org.flowcast.core.FlowcastHome;
import org.flowcast.core.SensorSeries;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowcast train}: fits a model on data from the store and writes a model file. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fits a model on the training part (the first 60%% of the windows) of the chosen data, stops on the "
                + "validation part (the next 20%%), and writes a self-contained model file with its provenance. A checkpoint "
                + "is written after every epoch; --resume continues from it after an interruption."},
        footer = {"", "Examples:", "  flowcast train --model at-conv-lstm --horizon 24 --epochs 20",
            "  flowcast train --model linear-ar --param lambda=0.1 --freeway 5 --direction N"})
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Mixin
    SeriesSelection selection;

    @Mixin
    CorridorOptions corridors;

    @Option(names = "--model", required = true, description = "Model name; 'flowcast models' lists them.")
    String model;

    @Option(names = "--horizon", converter = OptionValues.HorizonSteps.class, defaultValue = "12", description = "Steps out: 12 (one hour) or 24 (two hours) (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--epochs", converter = OptionValues.AtLeastOne.class, defaultValue = "30", description = "Most epochs of a neural model (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--train-seconds", paramLabel = "S", converter = OptionValues.AtLeastOne.class,
            description = "A neural model's training budget in seconds (each corridor's, with --corridor): it stops after the "
                    + "epoch that passes it. The model then depends on the machine's speed, not only on the seed (default: none).")
    Integer trainSeconds;

    @picocli.CommandLine.Mixin
    AverageDecayOption averaging;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A model parameter, e.g. hidden=128 or lambda=0.1.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Model file (default: ~/.flowcast/models/<model>-h<horizon>.fcm); "
            + "with --corridor, the folder of the corridors' files <model>-h<horizon>-<corridor>.fcm (default: ~/.flowcast/models).")
    Path out;

    @Option(names = "--resume", description = "Continue from the checkpoint of an interrupted run.")
    boolean resume;

    @Option(names = "--fresh", description = "Delete the checkpoint of an interrupted run and start afresh.")
    boolean fresh;

    @picocli.CommandLine.Mixin
    SplitOptions split;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static Path defaultModelFile(String model, int horizon) {
        return FlowcastHome.path().resolve("models").resolve(model + "-h" + horizon + ".fcm");
    }

    /** The model file of one corridor in a folder of corridor models. */
    public static Path corridorModelFile(Path folder, String model, int horizon, String corridor) {
        return folder.resolve(model + "-h" + horizon + "-" + corridor + ".fcm");
    }

    private org.flowcast.model.TrainingConfig config() {
        org.flowcast.model.TrainingConfig config = averaging.config(horizon, epochs, seed);
        return trainSeconds == null ? config : config.withTimeBudget(java.time.Duration.ofSeconds(trainSeconds));
    }

    @Override
    public Integer call() throws IOException, StoreException {
        selection.validate();
        corridors.validate(selection);
        if (corridors.chosen()) {
            return trainCorridors();
        }
        PrintWriter err = spec.commandLine().getErr();
        Path file = out == null ? defaultModelFile(model, horizon) : out;
        TrainService service = new TrainService();
        try {
            TrainService.Plan plan = service.plan(new TrainService.Request(model, parameters, config(),
                    split.protocol(horizon), file, resume, fresh), new EpochProgress(err, model));
            SensorSeries series;
            try (FlowcastDatabase db = database.open()) {
                series = selection.read(db);
            }
            TrainService.Outcome outcome = service.train(plan, series, split -> err.printf(Locale.ROOT, "Training %s on %d stations, "
                    + "%s to %s: %d training and %d validation origins (those whose targets are all missing are skipped)%n", model,
                    series.stationCount(), series.start(), series.end(), split.trainOrigins(), split.validationOrigins()));
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s (%s, horizon %d, %.1f s). Evaluate it with: flowcast evaluate "
                    + "--models %s%n", outcome.file(), model, horizon, outcome.seconds(), model);
            return 0;
        } catch (TrainService.Refused e) {
            if (e.usage()) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    /** One model per corridor, one corridor at a time; a corridor that fails is reported and the others go on. */
    private int trainCorridors() throws IOException, StoreException {
        PrintWriter err = spec.commandLine().getErr();
        Path folder = out == null ? FlowcastHome.path().resolve("models") : out;
        TrainService service = new TrainService();
        try (FlowcastDatabase db = database.open()) {
            java.util.List<org.flowcast.core.Corridor> chosen = corridors.resolve(db);
            // the model and its parameters are checked once, before any corridor's data is read; a corridor's own
            // checkpoint left by an interrupted run is that corridor's failure
            try {
                plan(service, folder, chosen.get(0), err);
            } catch (TrainService.Refused e) {
                if (e.usage()) {
                    throw e;
                }
            }
            return corridors.runEach(chosen, "trained", "training", corridor -> {
                TrainService.Plan plan = plan(service, folder, corridor, err);
                SensorSeries series = selection.read(db, corridor);
                TrainService.Outcome outcome = service.train(plan, series, s -> { });
                return String.format(Locale.ROOT, "%s (%d / %d origins)", outcome.file().getFileName(),
                        outcome.split().trainOrigins(), outcome.split().validationOrigins());
            });
        } catch (TrainService.Refused e) {
            if (e.usage()) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    private TrainService.Plan plan(TrainService service, Path folder, org.flowcast.core.Corridor corridor, PrintWriter err)
            throws TrainService.Refused, IOException {
        return service.plan(new TrainService.Request(model, parameters, config(), split.protocol(horizon),
                corridorModelFile(folder, model, horizon, corridor.name()), resume, fresh), new EpochProgress(err, model + " " + corridor.name()));
    }
}
