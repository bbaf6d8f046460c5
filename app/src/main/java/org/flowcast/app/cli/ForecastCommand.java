package org.flowcast.app.cli;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.flowcast.core.Corridor;
import org.flowcast.core.Forecaster;
import org.flowcast.core.PemsTime;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.jobs.ForecastJob;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.TimeConverter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowcast forecast}: the batch forecasting job. */
@Command(name = "forecast", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a trained model over a time range (or the newest data) and writes forecasts, prediction "
                + "intervals and attention weights to the database (tables forecast_run and forecast_origin). Running "
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
            + "(default: " + DatabaseOption.MODELS_FOLDER + ").")
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

        @Option(names = "--to", required = true, converter = TimeConverter.class, paramLabel = "TIME",
                description = "End of origins, excluded.")
        Instant to;
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        if (!when.latest && !when.range.from.isBefore(when.range.to)) {
            throw new ParameterException(spec.commandLine(), "--from must come before --to, was --from "
                    + PemsTime.format(when.range.from) + " --to " + PemsTime.format(when.range.to));
        }
        TimeRange range = when.latest ? null : new TimeRange(when.range.from, when.range.to);
        if (corridors.chosen()) {
            return forecastCorridors(range);
        }
        if (model == null) {
            throw new ParameterException(spec.commandLine(), "give --model FILE (a model file written by 'flowcast train'), or "
                    + "--corridor NAME|all for the corridors' models");
        }
        Path file = Path.of(model);
        Forecaster forecaster = ForecastJob.load(file);
        try (Workspace workspace = database.open(); ProgressBar bar = bar(range)) {
            print(new ForecastJob(workspace).run(file, forecaster, range, done -> step(bar, done)));
            return 0;
        }
    }

    /**
     * Every chosen corridor's model files, one corridor after another; a corridor that fails is reported and the others go
     * on. A model file that cannot be used fails its corridor, after the corridor's other models have forecast.
     */
    private int forecastCorridors(TimeRange range) throws JobException {
        Path folder = modelsFolder == null ? database.modelsFolder() : modelsFolder;
        try (Workspace workspace = database.open()) {
            List<Corridor> chosen = corridors.resolve(workspace);
            ForecastJob job = new ForecastJob(workspace);
            return corridors.runEach(chosen, "forecast", "forecast", corridor -> {
                List<String> accounts = new ArrayList<>();
                ForecastJob.CorridorOutcome outcome;
                try (ProgressBar bar = bar(range)) {
                    outcome = job.runCorridor(corridor, folder, Optional.ofNullable(model), range, done -> step(bar, done));
                }
                for (ForecastJob.Outcome o : outcome.written()) {
                    accounts.add(String.format(Locale.ROOT, "run %d: %s, %,d origins", o.runId(), o.model(), o.origins()));
                }
                if (!outcome.refused().isEmpty()) {
                    accounts.add("refused " + String.join("; ", outcome.refused()));
                    throw new CommandFailure(String.join("; ", accounts));
                }
                return String.join("; ", accounts);
            });
        }
    }

    private static ProgressBar bar(TimeRange range) {
        return Progress.bar("Forecast", range == null ? 1 : Math.max(1, range.steps(SensorSeries.FIVE_MINUTES)), "origins");
    }

    private static void step(ProgressBar bar, long done) {
        if (bar != null) {
            bar.stepTo(done);
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
                    PemsTime.format(outcome.withoutData().get(0)),
                    PemsTime.format(outcome.withoutData().get(outcome.withoutData().size() - 1)),
                    outcome.historySteps());
        }
    }
}
