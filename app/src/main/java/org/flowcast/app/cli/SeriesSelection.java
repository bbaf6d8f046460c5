package org.flowcast.app.cli;
import java.time.Instant;
import java.util.List;
import org.flowcast.core.PemsTime;
import org.flowcast.jobs.SeriesRequest;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.TimeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that choose the data a command reads from the store: stations or a corridor, and a time range. */
public final class SeriesSelection {
    @Option(names = "--stations", split = ",", paramLabel = "ID", converter = OptionValues.StationId.class,
            description = "Stations, in corridor order, kept as given (default: every "
            + "mainline station with data, by freeway, direction and postmile).")
    List<Integer> stations;

    @Option(names = "--freeway", description = "Only this freeway (with --direction).")
    Integer freeway;

    @Option(names = "--direction", description = "Direction of --freeway: N, S, E or W.")
    String direction;

    @Option(names = "--from", converter = TimeConverter.class, paramLabel = "TIME", description = "Start (default: first reading).")
    Instant from;

    @Option(names = "--to", converter = TimeConverter.class, paramLabel = "TIME",
            description = "End, excluded (default: after the last reading).")
    Instant to;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The choice as a request; a range that ends before it starts is a usage error, found before the database opens. */
    public SeriesRequest request() {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ParameterException(command.commandLine(), "--from must come before --to, was --from " + PemsTime.format(from)
                    + " --to "
                    + PemsTime.format(to));
        }
        if ((freeway == null) != (direction == null)) {
            throw new ParameterException(command.commandLine(), "give --freeway and --direction together");
        }
        return new SeriesRequest(stations, freeway, direction, from, to);
    }
}
