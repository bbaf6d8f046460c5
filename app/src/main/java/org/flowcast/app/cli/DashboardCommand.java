package org.flowcast.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.view.DashboardStage;
import org.flowcast.app.dashboard.viewmodel.ColourBy;
import org.flowcast.app.dashboard.viewmodel.StartingChoices;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.TimeConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowcast dashboard}: the JavaFX dashboard, in a window or rendered headless to a PNG. */
@Command(name = "dashboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Opens the dashboard: the corridor coloured by speed or flow, observed flow with short- and long-horizon "
                + "forecasts and their intervals, the attention behind them, a space-time contour and the newest model "
                + "comparison, and for a corridor 'flowcast watch' keeps forecasting, its live models' realised accuracy, a mark "
                + "where one drifted, and the newest origin as it arrives (--refresh). With --snapshot it renders the dashboard "
                + "to a PNG without a display."},
        footer = {"", "Examples:", "  flowcast dashboard", "  flowcast dashboard --db ~/.flowcast/flowcast --station 1201",
            "  flowcast dashboard --snapshot docs/dashboard.png --origin '2023-04-12 08:00'"})
public final class DashboardCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(names = "--corridor", paramLabel = "FWY-DIR",
            description = "Freeway and direction, e.g. 5-N, or 'all' for every station with readings (default: the corridor with "
                    + "most stations).")
    String corridor;

    @Option(names = "--district", description = "Open on the district overview: every corridor's stations coloured by the "
            + "congestion their newest stored forecasts say is coming over their horizon (up to 2 hours).")
    boolean district;

    @Option(names = "--days", converter = OptionValues.AtLeastOne.class, defaultValue = "28",
            description = "Newest days of readings to load (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--evaluations", paramLabel = "DIR",
            description = "A run folder of 'flowcast evaluate', or a folder of them whose newest is shown (default: 'runs' beside an "
                    + "H2 database file).")
    Path evaluations;

    @Option(names = "--station", converter = OptionValues.StationId.class, paramLabel = "ID",
            description = "Station to show first (default: the most congested at the default origin).")
    Integer station;

    @Option(names = "--origin", converter = TimeConverter.class, paramLabel = "TIME",
            description = "Forecast origin to show first (default: the weekday origin of the forecast run after which the "
                    + "corridor was most congested; the dashboard's 'Newest origin' button goes to the newest).")
    Instant origin;

    @Option(names = "--model", paramLabel = "NAME", description = "Model whose forecasts to show first (default: at-conv-lstm if stored).")
    String model;

    @Option(names = "--colour-by", paramLabel = "speed|flow", defaultValue = "SPEED",
            description = "Colour the corridor and contour by speed or flow (default: speed).")
    ColourBy colourBy;

    @Option(names = "--snapshot", paramLabel = "PNG", description = "Render the dashboard headless into this PNG file and exit.")
    Path snapshot;

    @Option(names = "--size", converter = OptionValues.WindowSize.class, defaultValue = "1600x1000", paramLabel = "WxH",
            description = "Size of the window or snapshot (default: ${DEFAULT-VALUE}).")
    OptionValues.Size size;

    @Mixin
    RefreshOption refresh;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (snapshot == null && !DashboardStage.hasDisplay() && !"Monocle".equals(System.getProperty("glass.platform"))) {
            throw new CommandFailure("no display to open a window on: run it in a desktop session, under 'xvfb-run -a', "
                    + "or render a PNG with --snapshot FILE");
        }
        List<String> problems = new ArrayList<>();
        try (Workspace workspace = database.open()) {
            DashboardSource source = new DashboardSource(workspace, evaluations != null ? evaluations : database.runsFolder());
            if (snapshot != null) {
                long began = System.nanoTime();
                DashboardStage.useHeadlessPlatform();
                Optional<String> failure = DashboardStage.snapshot(source, corridor, days, vm -> problems.addAll(choices().applyTo(vm)),
                        snapshot, size.width(), size.height());
                if (failure.isPresent()) {
                    throw new CommandFailure(failure.get() + "; no snapshot was written");
                }
                problems.forEach(p -> err.println("warning: " + p));
                out.printf(Locale.ROOT, "Wrote %s (%dx%d) in %.1f s.%n", snapshot, size.width(), size.height(),
                        (System.nanoTime() - began) / 1e9);
                return 0;
            }
            DashboardStage.show(source, corridor, days, vm -> choices().applyTo(vm).forEach(p -> err.println("warning: " + p)),
                    millis -> err.printf(Locale.ROOT, "Dashboard open with data after %d ms.%n", millis), size.width(), size.height(),
                    refresh.every());
            return 0;
        }
    }

    /** --model, --colour-by, --origin, --station and --district. */
    private StartingChoices choices() {
        return new StartingChoices(model, colourBy, origin, station, district);
    }
}
