package org.flowcast.app.cli;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowcast.core.QualityFlag;
import org.flowcast.ingest.quality.StationQuality;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.StationService;
import org.flowcast.jobs.Workspace;
import org.flowcast.jobs.cli.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flowcast quality}: data quality per station. */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"Summarises data quality per station: coverage of the 5-minute grid, PeMS's mean %% observed, "
                + "readings PeMS never observed (0%%), readings that failed a check, and values the gap filler wrote.",
            "Checks: negative flow, flow above " + (int) (QualityFlag.MAX_FLOW_PER_LANE * 12) + " veh/h per lane, "
                + "occupancy outside 0-1, speed above " + (int) QualityFlag.MAX_SPEED_MPH + " mph, the same reading for "
                + QualityFlag.STUCK_STEPS / 12 + " hours or more (stuck). Flagged values are kept but models treat them as missing."})
public final class QualityCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        try (Workspace workspace = database.open()) {
            List<List<String>> rows = new ArrayList<>();
            long present = 0;
            long flagged = 0;
            for (StationQuality q : StationService.perStation(workspace)) {
                if (q.slotsPresent() == 0) {
                    continue;
                }
                present += q.slotsPresent();
                flagged += q.flaggedTotal();
                rows.add(List.of(String.valueOf(q.station().id()), q.station().corridor(),
                        String.format(Locale.ROOT, "%.1f%%", 100 * q.coverage()),
                        Double.isNaN(q.meanPercentObserved()) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", q.meanPercentObserved()),
                        String.format(Locale.ROOT, "%.1f%%", 100.0 * q.slotsNeverObserved() / q.slotsPresent()),
                        count(q, QualityFlag.NEGATIVE_FLOW), count(q, QualityFlag.FLOW_ABOVE_CAPACITY),
                        count(q, QualityFlag.OCCUPANCY_OUT_OF_RANGE), count(q, QualityFlag.SPEED_OUT_OF_RANGE),
                        count(q, QualityFlag.STUCK), String.valueOf(q.slotsFilled())));
            }
            if (rows.isEmpty()) {
                spec.commandLine().getOut().println("No data in " + database.location() + " yet; load some with 'flowcast ingest PATH'.");
                return 0;
            }
            spec.commandLine().getOut().println(Tables.render(List.of("station", "fwy-dir", "coverage", "mean % obs",
                    "0% obs", "neg flow", "> capacity", "occ range", "speed range", "stuck", "filled"), rows));
            spec.commandLine().getOut().printf(Locale.ROOT, "%d stations, %,d readings, %,d flagged (%.2f%%)%n",
                    rows.size(), present, flagged, 100.0 * flagged / Math.max(1, present));
            return 0;
        }
    }

    private static String count(StationQuality q, QualityFlag flag) {
        return String.valueOf(q.flagged().getOrDefault(flag, 0L));
    }
}
