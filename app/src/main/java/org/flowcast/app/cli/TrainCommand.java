package org.flowcast.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowcast.core.Corridor;
import org.flowcast.core.SensorSeries;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.ModelFiles;
import org.flowcast.jobs.SeriesReader;
import org.flowcast.jobs.SeriesRequest;
import org.flowcast.jobs.TrainService;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.jobs.Workspace;
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

    @Option(names = "--model", required = true, description = "Model name; 'flowcast models' lists them.")
    String model;

    @Mixin
    TrainingOptions training;

    @Option(names = "--out", paramLabel = "FILE", description = "Model file (default: <model>-h<horizon>.fcm in the models folder "
            + "of $FLOWCAST_HOME, default ~/.flowcast/models); with --corridor, the folder of the corridors' files "
            + "<model>-h<horizon>-<corridor>.fcm (default: that models folder).")
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
        Path file = out == null ? ModelFiles.defaultFile(model, settings.horizon()) : out;
        TrainService service = new TrainService();
        TrainService.Plan plan = service.plan(request(settings, file), new EpochProgress(err, model));
        SensorSeries series;
        try (Workspace workspace = database.open()) {
            series = SeriesReader.read(workspace, request, w -> err.println("warning: " + w));
        }
        TrainService.Outcome outcome = service.train(plan, series, split -> err.printf(Locale.ROOT, "Training %s on %d stations, "
                + "%s to %s: %d training and %d validation origins (those whose targets are all missing are skipped)%n", model,
                series.stationCount(), series.start(), series.end(), split.trainOrigins(), split.validationOrigins()));
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s (%s, horizon %d, %.1f s). Evaluate it with: flowcast evaluate "
                + "--models %s%n", outcome.file(), model, settings.horizon(), outcome.seconds(), model);
        return 0;
    }

    /** One model per corridor, one corridor at a time; a corridor that fails is reported and the others go on. */
    private int trainCorridors(TrainingSettings settings, SeriesRequest request) throws JobException {
        PrintWriter err = spec.commandLine().getErr();
        Path folder = out == null ? ModelFiles.defaultFolder() : out;
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

    private TrainService.Request request(TrainingSettings settings, Path file) throws JobException {
        return new TrainService.Request(model, settings.parameters(), settings.config(), split.protocol(settings.horizon()), file,
                resume, fresh);
    }
}
