package org.flowcast.app.cli;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.view.DashboardStage;
import org.flowcast.app.dashboard.view.DashboardTimings;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowcast bench dashboard}: how long the dashboard takes to open with data and to redraw after
 * switching station or moving the origin, rendered headless (database reads included, as the window
 * does them).
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures the dashboard on a database, headless: time to open with data, and time from choosing "
                + "a station (or moving the origin) to the redrawn frame, database reads included."},
        footer = {"", "Example (81 Orange stations x 28 days, with a forecast run):",
            "  flowcast ingest --db /tmp/orange ../shared/data/pems-d12-orange",
            "  flowcast train --db /tmp/orange --model at-conv-lstm --epochs 1 --out /tmp/orange-cl.fcm",
            "  flowcast forecast --db /tmp/orange --model /tmp/orange-cl.fcm --from 2022-01-22 --to 2022-01-29",
            "  flowcast bench dashboard --db /tmp/orange"})
public final class DashboardBenchCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(names = "--corridor", paramLabel = "FWY-DIR", defaultValue = "all",
            description = "Freeway and direction, or 'all' for every station with readings (default: ${DEFAULT-VALUE}).")
    String corridor;

    @Option(names = "--days", converter = OptionValues.AtLeastOne.class, defaultValue = "28",
            description = "Newest days of readings to load (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--switches", defaultValue = "40",
            description = "Station switches and origin moves to time (default: ${DEFAULT-VALUE}).")
    int switches;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        DashboardStage.useHeadlessPlatform();
        try (Workspace workspace = database.open()) {
            DashboardSource source = new DashboardSource(workspace, database.runsFolder());
            List<String[]> rows = DashboardTimings.measure(source, corridor, days, switches);
            List<List<String>> table = new ArrayList<>();
            for (String[] row : rows) {
                table.add(List.of(row));
            }
            spec.commandLine().getOut().println(Tables.render(List.of("measure", "value"), table));
            spec.commandLine().getOut().println("Java " + System.getProperty("java.version") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, headless software rendering (Monocle)");
            return 0;
        }
    }
}
