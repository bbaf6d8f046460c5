package org.flowcast.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowcast.core.TimeRange;
import org.flowcast.ingest.quality.GapFillJob;
import org.flowcast.ingest.quality.GapFiller;
import org.flowcast.ingest.quality.QualityReport;
import org.flowcast.ingest.quality.StationQuality;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.SeriesQuery;
import org.flowcast.ingest.store.StoreException;
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

    @Option(names = "--to", converter = TimeConverter.class, paramLabel = "TIME", description = "End, excluded (default: after the last reading).")
    Instant to;

    @Option(names = "--max-linear", converter = DurationConverter.class, defaultValue = "30m", paramLabel = "DURATION",
            description = "Longest gap filled by interpolation (default: ${DEFAULT-VALUE}).")
    Duration maxLinear;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (FlowcastDatabase db = database.open()) {
            List<Integer> ids = stations;
            if (ids == null || ids.isEmpty()) {
                ids = new ArrayList<>();
                for (StationQuality q : new QualityReport(db).perStation()) {
                    if (q.slotsPresent() > 0) {
                        ids.add(q.station().id());
                    }
                }
            }
            if (ids.isEmpty()) {
                throw new CommandFailure("there is no data to fill in " + database.location() + "; ingest some first");
            }
            TimeRange stored = new SeriesQuery(db).storedRange(ids)
                    .orElseThrow(() -> new CommandFailure("the chosen stations have no data"));
            TimeRange range = new TimeRange(from == null ? stored.from() : from, to == null ? stored.to() : to);
            GapFillJob.Outcome outcome = new GapFillJob(db, new GapFiller(maxLinear)).run(ids, range);
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "Filled %,d slots of %d stations: %,d values interpolated, %,d from profiles, %,d left missing (no profile).%n",
                    outcome.slotsWritten(), ids.size(), outcome.fill().interpolated(), outcome.fill().fromProfile(),
                    outcome.fill().leftMissing());
            return 0;
        } catch (StoreException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }
}
