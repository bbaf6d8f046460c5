package org.flowcast.app.cli;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.flowcast.core.Corridor;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.jobs.FineTuneService;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.ModelFiles;
import org.flowcast.jobs.SeriesReader;
import org.flowcast.jobs.SeriesRequest;
import org.flowcast.jobs.TrainService;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.DurationConverter;
import org.flowcast.jobs.cli.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Option(names = "--model", description = "Model name; 'flowcast models' lists them.")
    String model;

    @Option(names = "--from-model", paramLabel = "FILE", description = "Fine-tune this model file on the newest data instead: it goes "
            + "on training from its weights (a statistical model is fitted again) on the --recent days but the newest, which is "
            + "held back; the new model replaces the file only if it does better on that day (the old one is kept as "
            + "FILE.prev-<hash>), or goes to --out whatever it scores.")
    Path fromModel;

    @Option(names = "--recent", converter = DurationConverter.class, defaultValue = "14d", paramLabel = "DURATION",
            description = "With --from-model: the newest data to fine-tune on, the held-back day included (default: ${DEFAULT-VALUE}).")
    Duration recent;

    @Mixin
    TrainingOptions training;

    @Option(names = "--out", paramLabel = "FILE", description = "Model file (default: <model>-h<horizon>.fcm in "
            + DatabaseOption.MODELS_FOLDER + "); with --corridor, the folder of the corridors' files <model>-h<horizon>-<corridor>.fcm "
            + "(default: that models folder).")
    Path out;

    @Option(names = "--resume", description = "Continue from the checkpoint of an interrupted run.")
    boolean resume;

    @Option(names = "--fresh", description = "Delete the checkpoint of an interrupted run and start afresh.")
    boolean fresh;

    @Mixin
    SplitOptions split;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        if ((model == null) == (fromModel == null)) {
            throw new ParameterException(spec.commandLine(), "give --model NAME to train a new model, or --from-model FILE to "
                    + "fine-tune one");
        }
        if (fromModel != null) {
            return fineTune();
        }
        SeriesRequest request = selection.request();
        corridors.validate(request);
        if (resume && fresh) {
            throw new ParameterException(spec.commandLine(), "give --resume or --fresh, not both");
        }
        TrainingSettings settings = training.checkedFor(List.of(model));
        if (corridors.chosen()) {
            return trainCorridors(settings, request);
        }
        PrintWriter err = spec.commandLine().getErr();
        Path file = out == null ? database.modelsFolder().resolve(ModelFiles.fileName(model, settings.horizon())) : out;
        TrainService service = new TrainService();
        TrainService.Plan plan = service.plan(request(settings, file), new EpochProgress(err, model));
        SensorSeries series;
        try (Workspace workspace = database.open()) {
            series = SeriesReader.read(workspace, request, w -> err.println("warning: " + w));
        }
        TrainService.Outcome outcome = service.train(plan, series, split -> err.printf(Locale.ROOT, "Training %s on %d stations, "
                + "%s to %s: %d training and %d validation origins (those whose targets are all missing are skipped)%n", model,
                series.stationCount(), PemsTime.format(series.start()), PemsTime.format(series.end()), split.trainOrigins(),
                split.validationOrigins()));
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s (%s, horizon %d, %.1f s).%nThe same split and settings, back-tested "
                + "against other models: %s%n", outcome.file(), model, settings.horizon(), outcome.seconds(), evaluateCommand());
        return 0;
    }

    /** One model per corridor, one corridor at a time; a corridor that fails is reported and the others go on. */
    private int trainCorridors(TrainingSettings settings, SeriesRequest request) throws JobException {
        PrintWriter err = spec.commandLine().getErr();
        Path folder = out == null ? database.modelsFolder() : out;
        TrainService service = new TrainService();
        try (Workspace workspace = database.open()) {
            List<Corridor> chosen = corridors.resolve(workspace);
            return corridors.runEach(chosen, "trained", "training", corridor -> {
                TrainService.Plan plan = service.plan(request(settings, ModelFiles.corridorFile(folder, model, settings.horizon(),
                        corridor.name())), new EpochProgress(err, model + " " + corridor.name()));
                SensorSeries series = SeriesReader.read(workspace, request, corridor, w -> err.println("warning: " + w));
                TrainService.Outcome outcome = service.train(plan, series, s -> { });
                return String.format(Locale.ROOT, "%s (%d / %d origins)", outcome.file().getFileName(),
                        outcome.split().trainOrigins(), outcome.split().validationOrigins());
            });
        }
    }

    /** {@code --from-model}: champion and challenger on the newest held-back day. */
    private int fineTune() throws JobException {
        if (corridors.chosen() || selection.request().namesStations()) {
            throw new ParameterException(spec.commandLine(), "--from-model trains on the stations of the model file; give no "
                    + "--corridor, --stations or --freeway");
        }
        TrainingSettings settings = training.checkedFor(List.of());
        PrintWriter err = spec.commandLine().getErr();
        FineTuneService.Outcome outcome;
        try (Workspace workspace = database.open()) {
            outcome = FineTuneService.fineTune(workspace, new FineTuneService.Request(fromModel, settings.config(), recent,
                    Optional.ofNullable(out)), new EpochProgress(err, fromModel.getFileName().toString()));
        }
        PrintWriter output = spec.commandLine().getOut();
        output.printf(Locale.ROOT, "Fine-tuned %s on %s to %s in %.1f s: MAE %.2f on the held-back day (%s to %s) against the "
                + "model's %.2f.%n", fromModel, PemsTime.format(outcome.data().from()), PemsTime.format(outcome.data().to()),
                        outcome.seconds(),
                outcome.challengerMae(), PemsTime.format(outcome.heldBack().from()), PemsTime.format(outcome.heldBack().to()),
                outcome.parentMae());
        if (out != null) {
            output.println("Wrote " + outcome.file() + ".");
        } else if (outcome.replaced()) {
            output.println("It replaced " + fromModel + "; the old model is kept as "
                    + outcome.keptParent().map(Path::toString).orElse("?") + ".");
        } else {
            output.println("It did not do better: " + fromModel + " is unchanged.");
        }
        return 0;
    }

    /**
     * The evaluate command line that fits this model with the same data, split and settings, beside a baseline: the
     * options given to train, but those that only say where the model file goes.
     */
    private String evaluateCommand() {
        List<String> kept = new ArrayList<>(List.of("flowcast", "evaluate"));
        List<String> given = spec.commandLine().getParseResult().originalArgs();
        int first = given.indexOf(spec.name()) + 1;
        for (int i = first; i < given.size(); i++) {
            String arg = given.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (List.of("--model", "--out").contains(name)) {
                i += arg.contains("=") ? 0 : 1;
            } else if (!List.of("--resume", "--fresh").contains(name)) {
                kept.add(arg.contains(" ") ? "'" + arg + "'" : arg);
            }
        }
        kept.addAll(List.of("--models", model + ",historical-average"));
        return String.join(" ", kept);
    }

    private TrainService.Request request(TrainingSettings settings, Path file) throws JobException {
        return new TrainService.Request(model, settings.parameters(), settings.config(), split.protocol(settings.horizon()), file,
                resume, fresh);
    }
}
