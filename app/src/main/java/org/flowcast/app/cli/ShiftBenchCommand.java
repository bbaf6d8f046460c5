package org.flowcast.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.flowcast.core.PemsTime;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.TrainingSettings;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.Tables;
import org.flowcast.jobs.live.LiveShiftBench;
import org.flowcast.jobs.live.ShiftBenchFigures;
import org.flowcast.jobs.live.ShiftTimeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowcast bench shift}: live operation on a replay with a deliberate shift, with models never, fine-tuned or newly trained. */
@Command(name = "shift", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures live operation under a deliberate shift on the simulated sample corridor: demand times --factor "
                + "(or a lane closed) from --shift-from on. The models are trained on the days before the replay; then the "
                + "--days-before days before the shift and every day after it are replayed file by file into a watcher three "
                + "times, each on its own copy of the database: the models never updated; fine-tuned --update-after days after "
                + "the shift on the newest --fine-tune-days days as live operation fine-tunes (the newest day held back, the new "
                + "model swapped in only if it wins there); and trained anew there on all the data, swapped in.",
            "Prints each variant's realised MAE before the shift, from the shift to the update and after it, the updates' "
                + "seconds, and the coverage of the never-updated models' adaptive 80%% and 95%% intervals against the fixed "
                + "split-conformal ones of their calibration; writes every figure as JSON; progress lines go to standard error. "
                + "CPU heavy: run it alone (the defaults took 28 minutes on a shared 2-core machine; --models linear-ar about 5)."},
        footer = {"", "Examples:", "  flowcast bench shift               # 20%% more demand from the last week on",
            "  flowcast bench shift --factor 1    # the same days, no shift: the control",
            "  flowcast bench shift --factor 1 --lane-closure 990012 --models linear-ar"})
public final class ShiftBenchCommand implements Callable<Integer> {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Option(names = "--factor", defaultValue = "1.2", paramLabel = "F",
            description = "Demand from --shift-from on, times normal (default: ${DEFAULT-VALUE}; 1: no change).")
    double factor;

    @Option(names = "--lane-closure", paramLabel = "STATION", converter = OptionValues.StationId.class,
            description = "Close one lane at this station of the sample (990001 to 9900NN) from --shift-from on.")
    Integer laneClosure;

    @Option(names = "--shift-from", paramLabel = "DAY", converter = OptionValues.AtLeastOne.class,
            description = "The first shifted day, 1 being the sample's first (default: the first day of the last week).")
    Integer shiftFrom;

    @Option(names = "--days-before", paramLabel = "D", defaultValue = "2", converter = OptionValues.AtLeastOne.class,
            description = "Days before the shift replayed; the days before them are the history (default: ${DEFAULT-VALUE}).")
    int daysBefore;

    @Option(names = "--update-after", paramLabel = "D", defaultValue = "1", converter = OptionValues.AtLeastOne.class,
            description = "Days after the shift's start at which the models are fine-tuned or retrained (default: ${DEFAULT-VALUE}).")
    int updateAfter;

    @Option(names = "--fine-tune-days", paramLabel = "D", defaultValue = "14", converter = OptionValues.AtLeastOne.class,
            description = "The newest days a fine-tune reads, its held-back day included (default: ${DEFAULT-VALUE}, as "
                    + "'flowcast watch --retrain').")
    int fineTuneDays;

    @Option(names = "--models", split = ",", paramLabel = "MODEL", defaultValue = "linear-ar,at-conv-lstm",
            description = "Models to run (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--epochs", converter = OptionValues.AtLeastOne.class, defaultValue = "10",
            description = "Most epochs of a neural model, in training and in each update (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--horizon", converter = OptionValues.HorizonSteps.class, defaultValue = "12",
            description = "Steps out: 12 or 24 (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--stations", defaultValue = "20", description = "The sample corridor's stations (default: ${DEFAULT-VALUE}).")
    int stations;

    @Option(names = "--weeks", defaultValue = "5", description = "The sample's weeks (default: ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the sample and the models (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--workdir", paramLabel = "DIR", description = "Work in DIR (new or empty) and keep the sample, the databases "
            + "and the models there (default: a temporary folder, deleted afterwards).")
    Path workdir;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench-shift.json",
            description = "Where to write every figure (default: ${DEFAULT-VALUE}).")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingSettings training = new TrainingSettings(horizon, epochs, seed, 0.99, OptionalInt.empty(), Map.of());
        LiveShiftBench.Request request = new LiveShiftBench.Request(stations, weeks, seed, factor, laneClosure == null ? 0 : laneClosure,
                shiftFrom == null ? 0 : shiftFrom, daysBefore, updateAfter, fineTuneDays, models, training, Optional.ofNullable(workdir));
        ShiftBenchFigures figures = LiveShiftBench.run(request, line -> {
            err.println("  " + line);
            err.flush();
        });
        printSetup(out, figures);
        out.println(Tables.render(List.of("model", "variant", ShiftTimeline.BEFORE, ShiftTimeline.TO_UPDATE, ShiftTimeline.AFTER_UPDATE,
                "update s", "swapped in"), maeRows(figures)));
        out.println("Realised MAE (veh/5 min, all steps, by target time); a fine-tune swaps its model in only if it beats the "
                + "old one on the held-back day.");
        out.println(Tables.render(List.of("model", "period", "intervals", "values", "80% covered", "95% covered", "80% width",
                "95% width"), coverageRows(figures)));
        out.println("Coverage of the never-updated models' intervals: adaptive as the watcher issued them (forecast_score), fixed "
                + "the calibration's half-widths around the same forecasts.");
        for (ShiftBenchFigures.Replay r : figures.replays()) {
            out.printf(Locale.ROOT, "Replay %s: %d steps in %.0f s.%n", r.variant(), r.steps(), r.seconds());
        }
        figures.writeJson(json);
        out.printf(Locale.ROOT, "The bench took %.0f s. Figures written to %s%n", figures.seconds(), json.toAbsolutePath());
        return 0;
    }

    private static void printSetup(PrintWriter out, ShiftBenchFigures figures) {
        ShiftBenchFigures.Setup s = figures.setup();
        ShiftTimeline t = s.timeline();
        out.printf(Locale.ROOT, "Sample corridor %s: %d stations, %d weeks, seed %d, %s. History: %d days to %s; replayed: %s to %s "
                + "(%d files); update at %s; horizon %d, at most %d epochs.%n", s.corridor(), s.stations(), s.weeks(), s.seed(),
                s.shift().isEmpty() ? "no shift (a control run)" : s.shift(), s.historyDays(), local(t.replayStart()),
                local(t.replayStart()), local(t.end()), s.feedFiles(), local(t.update()), s.horizon(), s.epochs());
        for (ShiftBenchFigures.Training tr : figures.training()) {
            out.printf(Locale.ROOT, "Trained %s on the history in %.1f s.%n", tr.model(), tr.seconds());
        }
    }

    /** A time as the sample's days are counted: Pacific. */
    private static String local(Instant time) {
        return LOCAL.format(time.atZone(PemsTime.ZONE));
    }

    private static List<List<String>> maeRows(ShiftBenchFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        for (ShiftBenchFigures.Training model : figures.training()) {
            for (ShiftBenchFigures.Replay variant : figures.replays()) {
                List<String> row = new ArrayList<>(List.of(model.model(), variant.variant()));
                for (String period : List.of(ShiftTimeline.BEFORE, ShiftTimeline.TO_UPDATE, ShiftTimeline.AFTER_UPDATE)) {
                    row.add(figures.realised().stream().filter(r -> r.variant().equals(variant.variant()) && r.model().equals(model.model())
                            && r.period().equals(period)).findFirst().map(r -> decimal(r.mae(), 2)).orElse("-"));
                }
                Optional<ShiftBenchFigures.Update> update = figures.updates().stream().filter(u -> u.variant().equals(variant.variant())
                        && u.model().equals(model.model())).findFirst();
                row.add(update.map(u -> decimal(u.seconds(), 1)).orElse("-"));
                // a fine-tune's verdict with both models' MAE on its held-back day: the new one's first
                row.add(update.map(u -> (u.swapped() ? "yes" : "no") + (Double.isNaN(u.heldBackMaeAfter()) ? "" : String.format(Locale.ROOT,
                        " (%.2f vs %.2f)", u.heldBackMaeAfter(), u.heldBackMaeBefore()))).orElse("-"));
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<List<String>> coverageRows(ShiftBenchFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        for (ShiftBenchFigures.Coverage c : figures.coverage()) {
            rows.add(List.of(c.model(), c.period(), c.intervals(), String.valueOf(c.scored()), percent(c.coverage80()),
                    percent(c.coverage95()), decimal(c.width80(), 1), decimal(c.width95(), 1)));
        }
        return rows;
    }

    private static String decimal(double value, int places) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + places + "f", value);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
