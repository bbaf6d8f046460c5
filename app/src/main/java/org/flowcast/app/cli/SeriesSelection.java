package org.flowcast.app.cli;

import java.time.Instant;
import java.util.List;
import org.flowcast.app.service.StationChoice;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.SeriesQuery;
import org.flowcast.ingest.store.StoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that choose the data a command reads from the store: stations or a corridor, and a time range. */
public final class SeriesSelection {
    @Option(names = "--stations", split = ",", paramLabel = "ID", converter = OptionValues.StationId.class, description = "Stations, in corridor order, kept as given (default: every "
            + "mainline station with data, by freeway, direction and postmile).")
    List<Integer> stations;

    @Option(names = "--freeway", description = "Only this freeway (with --direction).")
    Integer freeway;

    @Option(names = "--direction", description = "Direction of --freeway: N, S, E or W.")
    String direction;

    @Option(names = "--from", converter = TimeConverter.class, paramLabel = "TIME", description = "Start (default: first reading).")
    Instant from;

    @Option(names = "--to", converter = TimeConverter.class, paramLabel = "TIME", description = "End, excluded (default: after the last reading).")
    Instant to;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Refuses, as a usage error, a range that ends before it starts; commands call it before opening the database. */
    public void validate() {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ParameterException(command.commandLine(), "--from must come before --to, was --from " + from + " --to " + to);
        }
        if ((freeway == null) != (direction == null)) {
            throw new ParameterException(command.commandLine(), "give --freeway and --direction together");
        }
    }

    /** The chosen stations over the chosen range; a range that starts past the data, or ends before it, is a usage error. */
    public SensorSeries read(FlowcastDatabase db) throws StoreException {
        validate();
        List<Integer> ids = stationIds(db);
        if (ids.isEmpty()) {
            throw new CommandFailure("there is no station data in the database; load some with 'flowcast ingest PATH' "
                    + "(or run 'flowcast demo')");
        }
        SensorSeries series = read(db, ids);
        if (stations == null || stations.isEmpty()) {
            org.flowcast.app.service.CorridorOrder.warning(series)
                    .ifPresent(w -> command.commandLine().getErr().println("warning: " + w));
        }
        return series;
    }

    /** One corridor's stations, in its order, over the chosen range, named as the corridor. */
    public SensorSeries read(FlowcastDatabase db, org.flowcast.core.Corridor corridor) throws StoreException {
        return read(db, corridor.stationIds()).withCorridor(corridor.name());
    }

    private SensorSeries read(FlowcastDatabase db, List<Integer> ids) throws StoreException {
        SeriesQuery query = new SeriesQuery(db);
        TimeRange stored = query.storedRange(ids).orElseThrow(() -> new CommandFailure("the chosen stations have no data"));
        if (from != null && !from.isBefore(stored.to())) {
            throw new ParameterException(command.commandLine(), "--from " + from + " lies past the stored data of these stations, "
                    + "which ends at " + stored.to() + "; choose an earlier --from");
        }
        if (to != null && !to.isAfter(stored.from())) {
            throw new ParameterException(command.commandLine(), "--to " + to + " lies before the stored data of these stations, "
                    + "which starts at " + stored.from() + "; choose a later --to");
        }
        TimeRange range = new TimeRange(from == null ? stored.from() : from, to == null ? stored.to() : to);
        return query.stations(ids, range);
    }

    List<Integer> stationIds(FlowcastDatabase db) throws StoreException {
        if (stations != null && !stations.isEmpty()) {
            return stations;
        }
        return StationChoice.mainline(db, freeway, direction);
    }
}
