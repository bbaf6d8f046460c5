package org.flowcast.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.flowcast.core.AccuracyRow;
import org.flowcast.core.PemsTime;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.Tables;
import org.flowcast.jobs.cli.TimeConverter;
import org.flowcast.jobs.live.AccuracyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowcast accuracy}: how good the live forecasts turned out to be. */
@Command(name = "accuracy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the realised accuracy of the forecasts 'flowcast watch' made, scored against the flow that came: "
                + "per corridor and model, masked MAE at steps 1, 3, 6, 12 (24) and over all steps, RMSE, MAPE, and the share of "
                + "observed flows inside the 80%% and 95%% intervals issued (with their mean widths), over the last hour, day and "
                + "week of target times, or over one window from --since. Other systems read the same figures from the "
                + "forecast_accuracy view."},
        footer = {"", "Examples:", "  flowcast accuracy", "  flowcast accuracy --corridor 5-N --since 2023-04-10"})
public final class AccuracyCommand implements Callable<Integer> {
    private static final int[] STEPS = {1, 3, 6, 12, 24};

    @Mixin
    DatabaseOption database;

    @Option(names = "--corridor", paramLabel = "NAME", description = "Only this corridor (default: every live corridor).")
    String corridor;

    @Option(names = "--since", converter = TimeConverter.class, paramLabel = "TIME",
            description = "One window from this time (Pacific) to the newest scored target, instead of the last hour, day and week.")
    Instant since;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        PrintWriter out = spec.commandLine().getOut();
        List<AccuracyService.CorridorAccuracy> report;
        try (Workspace workspace = database.open()) {
            report = AccuracyService.report(workspace, corridor, Optional.ofNullable(since));
        }
        if (report.isEmpty()) {
            String which = corridor == null ? "No live forecast" : "No live forecast of corridor " + corridor;
            out.println(which + " has been scored in " + database.location() + (since == null ? "" : " since " + PemsTime.format(since))
                    + " yet: 'flowcast watch INBOX' scores each forecast once the flow of its target time arrives.");
            return 0;
        }
        for (AccuracyService.CorridorAccuracy c : report) {
            out.println(c.corridor() + " " + c.model() + ":");
            List<String> header = new ArrayList<>(List.of("window"));
            for (int step : STEPS) {
                header.add("MAE " + step);
            }
            header.addAll(List.of("MAE all", "RMSE", "MAPE %", "in 80%", "in 95%", "width 80/95", "scored"));
            List<List<String>> rows = new ArrayList<>();
            for (AccuracyService.Window w : c.windows()) {
                List<String> row = new ArrayList<>(List.of(w.name()));
                for (int step : STEPS) {
                    row.add(w.byStep().stream().filter(r -> r.step() == step).findFirst().map(r -> figure(r.mae())).orElse("-"));
                }
                AccuracyRow all = w.overall();
                row.addAll(List.of(figure(all.mae()), figure(all.rmse()), figure(all.mape()), percent(all.coverage80()),
                        percent(all.coverage95()), figure(all.width80()) + " / " + figure(all.width95()),
                        String.format(Locale.ROOT, "%,d", all.scored())));
                rows.add(row);
            }
            out.println(Tables.render(header, rows));
        }
        return 0;
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
