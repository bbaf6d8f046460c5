package org.flowcast.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.Tables;
import org.flowcast.jobs.live.LiveBenchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowcast bench live}: how long a watcher takes from a file landing to every corridor's forecasts committed. */
@Command(name = "live", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures live operation's latency on a copy of the database: 5-minute files of --feed are delivered one "
                + "at a time into a watcher's inbox (written aside, then renamed), and each step's time from the rename to the "
                + "commit of its last corridor (ingest, scores, adaptive intervals, forecasts) is measured. The first --warm-up "
                + "steps warm the JVM and are reported apart. Prints p50, p95 and the worst, and writes JSON."},
        footer = {"", "Example (the simulated district: 30 corridors of 20 stations, one Conv-LSTM each):",
            "  flowcast sample --district --weeks 3 --out district",
            "  mkdir history && cp district/* history/ && rm history/d99_text_station_5min_2023_02_26.txt.gz",
            "  flowcast ingest --db d/flowcast history                                # all days but the last",
            "  flowcast train --db d/flowcast --corridor all --model at-conv-lstm --out d/models",
            "  flowcast replay district feed --speed max --from 2023-02-26",
            "  flowcast bench live --db d/flowcast --models-dir d/models --feed feed"})
public final class LiveBenchCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(names = "--models-dir", paramLabel = "DIR", description = "The corridors' model files (default: "
            + DatabaseOption.MODELS_FOLDER + ").")
    Path models;

    @Option(names = "--feed", required = true, paramLabel = "DIR", description = "A folder of 5-minute files that follow the stored data.")
    Path feed;

    @Option(names = "--steps", converter = OptionValues.AtLeastOne.class, defaultValue = "12",
            description = "Steps measured (default: ${DEFAULT-VALUE}, an hour).")
    int steps;

    @Option(names = "--warm-up", defaultValue = "3", description = "Steps before them, not measured (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench-live.json", description = "Where to write the figures "
            + "(default: ${DEFAULT-VALUE}).")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LiveBenchService.Figures figures = LiveBenchService.run(new LiveBenchService.Request(Path.of(database.location()),
                models == null ? database.modelsFolder() : models, feed, steps, Math.max(0, warmUp)), line -> {
                    err.println("  " + line);
                    err.flush();
                });
        out.println(Tables.render(List.of("corridors", "stations", "rows a step", "steps", "p50 s", "p95 s", "worst s", "ingest ms"),
                List.of(List.of(String.valueOf(figures.corridors()), String.valueOf(figures.stations()),
                        String.valueOf(figures.rowsPerStep()), String.valueOf(figures.seconds().length), seconds(figures.percentile(0.5)),
                        seconds(figures.percentile(0.95)), seconds(figures.percentile(1.0)),
                        String.format(Locale.ROOT, "%.1f", 1000 * figures.medianIngest())))));
        out.println("Models: " + String.join(", ", figures.watched()));
        figures.writeJson(json);
        out.println("Figures written to " + json.toAbsolutePath());
        return 0;
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
