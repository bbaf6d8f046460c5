package org.flowcast.app.cli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.flowcast.core.Horizon;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.Tables;
import org.flowcast.reports.EvaluationSummary;
import org.flowcast.reports.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowcast report RUN}: renders an evaluation run again as HTML, Markdown and CSV. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the accuracy report of an evaluation run (a folder written by 'flowcast evaluate') as a "
                + "self-contained HTML file, Markdown and CSV, and prints its accuracy table.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "The run folder (or its run.json).")
    Path run;

    @picocli.CommandLine.Option(names = "--target", paramLabel = "STATION", converter = OptionValues.StationId.class,
            description = "Open the report with this station's step-by-step table.")
    Integer target;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            EvaluationSummary summary = ReportWriter.readRun(run);
            if (target != null && !summary.protocol().stationIds().contains(target)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--target " + target + " is not among the "
                        + "evaluated stations (" + summary.protocol().stationIds().size() + " of them, e.g. "
                        + summary.protocol().stationIds().get(0) + ")");
            }
            Path folder = run.toFile().isDirectory() ? run : run.toAbsolutePath().getParent();
            ReportWriter.Written written = new ReportWriter().write(summary, folder,
                    target == null ? OptionalInt.empty() : OptionalInt.of(target));
            spec.commandLine().getOut().println(summaryTable(summary));
            spec.commandLine().getOut().println("Report: " + written.html());
            return 0;
        } catch (IOException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    /** Why a neural model's training ended, in a word or two; "-" for a model fitted in one pass. */
    private static String stopped(String reason) {
        if (reason == null) {
            return "-";
        }
        return reason.startsWith("time budget") ? "on its time budget" : reason.startsWith("early stop") ? "early stopping"
                : reason.startsWith("reached") ? "at its epoch limit" : reason;
    }

    /** MAE at the reported steps and pooled, per model, and why each neural model stopped training. */
    static String summaryTable(EvaluationSummary summary) {
        int[] steps = Horizon.reportedSteps(summary.protocol().horizon());
        List<String> header = new ArrayList<>(List.of("model"));
        for (int s : steps) {
            header.add("MAE step " + s);
        }
        header.add("MAE avg");
        header.add("RMSE avg");
        header.add("MAPE avg");
        header.add("training stopped");
        List<List<String>> rows = new ArrayList<>();
        for (EvaluationSummary.ModelSummary m : summary.models()) {
            List<String> row = new ArrayList<>(List.of(m.model()));
            for (int s : steps) {
                row.add(String.format(Locale.ROOT, "%.2f", m.mae()[s - 1]));
            }
            row.add(String.format(Locale.ROOT, "%.2f", m.maeAverage()));
            row.add(String.format(Locale.ROOT, "%.2f", m.rmseAverage()));
            row.add(String.format(Locale.ROOT, "%.1f%%", m.mapeAverage()));
            row.add(stopped(m.provenance().get("stopReason")));
            rows.add(row);
        }
        return Tables.render(header, rows);
    }
}
