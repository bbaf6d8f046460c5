package org.flowcast.app.cli;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowcast.jobs.FillService;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.DurationConverter;
import org.flowcast.jobs.cli.TimeConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowcast fill}: the explicit gap-filling step. */
@Command(name = "fill", mixinStandardHelpOptions = true,
        description = "Fills gaps in the stored data and marks the values it wrote as filled: short gaps by linear "
                + "interpolation, longer ones from the station's profile for the same time of day and kind of day. "
                + "Readings from files are never overwritten.")
public final class FillCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(names = "--stations", split = ",", paramLabel = "ID", description = "Stations to fill (default: all with data).")
    List<Integer> stations;

    @Option(names = "--from", converter = TimeConverter.class, paramLabel = "TIME", description = "Start (default: first reading).")
    Instant from;

    @Option(names = "--to", converter = TimeConverter.class, paramLabel = "TIME",
            description = "End, excluded (default: after the last reading).")
    Instant to;

    @Option(names = "--max-linear", converter = DurationConverter.class, defaultValue = "30m", paramLabel = "DURATION",
            description = "Longest gap filled by interpolation (default: ${DEFAULT-VALUE}).")
    Duration maxLinear;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        try (Workspace workspace = database.open()) {
            FillService.Outcome outcome = FillService.fill(workspace, new FillService.Request(stations, from, to, maxLinear));
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "Filled %,d slots of %d stations: %,d values interpolated, %,d from profiles, %,d left missing (no profile).%n",
                    outcome.fill().slotsWritten(), outcome.stations(), outcome.fill().fill().interpolated(),
                    outcome.fill().fill().fromProfile(), outcome.fill().fill().leftMissing());
            return 0;
        }
    }
}
