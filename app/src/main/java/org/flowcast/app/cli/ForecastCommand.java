package org.flowcast.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.flowcast.app.service.ForecastJob;
import org.flowcast.core.FlowcastHome;
import org.flowcast.core.Forecaster;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.StoreException;
import org.flowcast.model.ModelRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowcast forecast}: the batch forecasting job. */
@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a trained model over a time range (or the newest data) and writes forecasts, prediction "
                + "intervals and attention weights to the database (tables forecast_run, forecast, attention). Running "
                + "the same job again replaces its earlier run."},
        footer = {"", "Examples:", "  flowcast forecast --model ~/.flowcast/models/at-conv-lstm-h12.fcm --latest",
            "  flowcast forecast --model m.fcm --from 2023-04-03 --to 2023-04-10"})
public final class ForecastCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(names = "--model", paramLabel = "FILE|NAME", description = "A model file written by 'flowcast train'; with --corridor, "
            + "a model name (default: every model trained for the corridor).")
    String model;

    @Mixin
    CorridorOptions corridors;

    @Option(names = "--models-dir", paramLabel = "DIR", description = "With --corridor: the folder of the corridors' model files "
            + "(default: ~/.flowcast/models).")
    Path modelsFolder;

    @ArgGroup(exclusive = true, multiplicity = "1")
    When when;

    static final class When {
        @Option(names = "--latest", description = "Forecast from the newest stored time only.")
        boolean latest;

        @ArgGroup(exclusive = false)
        Range range;
    }

    static final class Range {
        @Option(names = "--from", required = true, converter = TimeConverter.class, paramLabel = "TIME",
                description = "First origin (Pacific local time or with an offset).")
        Instant from;

        @Option(names = "--to", required = true, converter = TimeConverter.class, paramLabel = "TIME", description = "End of origins, excluded.")
        Instant to;
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, StoreException {
        if (!when.latest && !when.range.from.isBefore(when.range.to)) {
            throw new ParameterException(spec.commandLine(), "--from must come before --to, was --from "
                    + when.range.from + " --to " + when.range.to);
        }
        TimeRange range = when.latest ? null : new TimeRange(when.range.from, when.range.to);
        if (corridors.chosen()) {
            return forecastCorridors(range);
        }
        if (model == null) {
            throw new ParameterException(spec.commandLine(), "give --model FILE (a model file written by 'flowcast train'), or "
                    + "--corridor NAME|all for the corridors' models");
        }
        try (FlowcastDatabase db = database.open()) {
            ForecastJob.Outcome outcome = forecast(db, Path.of(model), ModelRegistry.load(Path.of(model)), range);
            print(outcome);
            return 0;
        }
    }

    /** Every chosen corridor's model files, one corridor after another; a corridor that fails is reported and the others go on. */
    private int forecastCorridors(TimeRange range) throws StoreException {
        Path folder = modelsFolder == null ? FlowcastHome.path().resolve("models") : modelsFolder;
        try (FlowcastDatabase db = database.open()) {
            java.util.List<org.flowcast.core.Corridor> chosen = corridors.resolve(db);
            return corridors.runEach(chosen, "forecast", "forecast", corridor -> {
                java.util.List<Path> files = CorridorModelFiles.of(folder, corridor.name(), java.util.Optional.ofNullable(model));
                java.util.List<String> accounts = new java.util.ArrayList<>();
                for (Path file : files) {
                    Forecaster forecaster = ModelRegistry.load(file);
                    if (!forecaster.stationIds().equals(corridor.stationIds())) {
                        throw new CommandFailure(file.getFileName() + " was trained on other stations (" + forecaster.stationIds().size()
                                + ", from " + forecaster.stationIds().get(0) + ") than corridor " + corridor.name() + " has here ("
                                + corridor.stationIds().size() + ", from " + corridor.stationIds().get(0) + "): a model of another "
                                + "database or an older station list; train it again with 'flowcast train --corridor " + corridor.name()
                                + " --model " + forecaster.modelName() + "'");
                    }
                    ForecastJob.Outcome o = forecast(db, file, forecaster, range);
                    accounts.add(String.format(Locale.ROOT, "run %d: %s, %,d origins", o.runId(), file.getFileName(), o.origins()));
                }
                return String.join("; ", accounts);
            });
        }
    }

    private ForecastJob.Outcome forecast(FlowcastDatabase db, Path modelFile, Forecaster forecaster, TimeRange range)
            throws IOException, StoreException {
        long total = range == null ? 1 : Math.max(1, range.steps(org.flowcast.core.SensorSeries.FIVE_MINUTES));
        try (ProgressBar bar = Progress.bar("Forecast", total, "origins")) {
            return new ForecastJob(db).run(modelFile, forecaster, range, done -> {
                if (bar != null) {
                    bar.stepTo(done);
                }
            });
        }
    }

    private void print(ForecastJob.Outcome outcome) {
        spec.commandLine().getOut().printf(Locale.ROOT,
                "Wrote run %d: %s forecasts from %,d origins for %d stations (%d steps each) in %.2f s (%,.0f station-forecasts/s).%n",
                outcome.runId(), outcome.model(), outcome.origins(), outcome.stations(), outcome.horizonSteps(),
                outcome.seconds(), outcome.stationForecastsPerSecond());
        spec.commandLine().getOut().printf(Locale.ROOT, "Input read: %.1f%% observed, %.1f%% imputed, %.1f%% missing.%n",
                100 * outcome.input().observed(), 100 * outcome.input().imputed(), 100 * outcome.input().missing());
        if (!outcome.withoutData().isEmpty()) {
            spec.commandLine().getOut().printf(Locale.ROOT, "Left out %,d origins (%s to %s) whose %d input steps hold no "
                            + "observed reading: a forecast needs its history.%n", outcome.withoutData().size(),
                    outcome.withoutData().get(0), outcome.withoutData().get(outcome.withoutData().size() - 1),
                    outcome.historySteps());
        }
    }
}
