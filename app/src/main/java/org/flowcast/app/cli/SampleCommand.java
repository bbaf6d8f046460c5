package org.flowcast.app.cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowcast.core.FlowcastHome;
import org.flowcast.core.SensorSeries;
import org.flowcast.jobs.CorridorLoader;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.cli.Tables;
import org.flowcast.sample.CorridorStatistics;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.SampleConfig;
import org.flowcast.sample.SampleCorridor;
import org.flowcast.sample.SampleDistrict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowcast sample}: writes the simulated sample corridor as PeMS files, and compares it with real data. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the sample corridor: a simulated freeway (cell transmission model with ramps, a lane-drop "
                + "bottleneck, weekday peaks, incidents and detector faults) as PeMS Clearinghouse station_5min files "
                + "and a metadata file, ready for 'flowcast ingest'. The same seed gives the same files.",
            "With --compare, prints realism figures of the sample beside those of a folder of real PeMS files."})
public final class SampleCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write (default: ~/.flowcast/sample).")
    Path out;

    @Option(names = "--stations", defaultValue = "20", description = "Detector stations (of each corridor, with --district) "
            + "(default: ${DEFAULT-VALUE}).")
    int stations;

    @Option(names = "--district", description = "Write a district instead: --corridors freeway directions of --stations each, "
            + "linked at junctions, in one daily file of every station as PeMS publishes a district.")
    boolean district;

    @Option(names = "--corridors", defaultValue = "30", description = "With --district: corridors (default: ${DEFAULT-VALUE}).")
    int corridors;

    @Option(names = "--weeks", defaultValue = "10", description = "Weeks of data (default: ${DEFAULT-VALUE}).")
    int weeks;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "2023-02-06",
            description = "First day, moved back to its Monday (default: ${DEFAULT-VALUE}; 10 weeks cross the March DST change).")
    LocalDate start;

    @Option(names = "--compare", paramLabel = "PATH",
            description = "A folder of real PeMS files (station_5min and metadata) to compare the sample with.")
    Path compare;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static Path defaultFolder() {
        return FlowcastHome.path().resolve("sample");
    }

    @Override
    public Integer call() throws IOException, JobException {
        PrintWriter output = spec.commandLine().getOut();
        if (district) {
            return writeDistrict(output);
        }
        SampleConfig config;
        try {
            config = new SampleConfig(stations, weeks, seed, start);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path folder = out == null ? defaultFolder() : out;
        long began = System.nanoTime();
        boolean written = new SampleCorridor(config).ensureIn(folder);
        output.printf(Locale.ROOT, "%s sample corridor: %d stations, %d weeks from %s (seed %d) in %s%s%n",
                written ? "Wrote the" : "Found the", config.stations(), config.weeks(), config.start(), config.seed(), folder,
                written ? String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - began) / 1e9) : "");
        output.println("Load it with: flowcast ingest " + folder);
        if (compare != null) {
            if (!Files.isDirectory(compare)) {
                throw new CommandFailure(compare + " is not a folder; give --compare a folder of PeMS station_5min and metadata files");
            }
            output.println();
            output.println(comparison(CorridorLoader.load(folder), CorridorLoader.load(compare)));
        }
        return 0;
    }

    private int writeDistrict(PrintWriter output) throws IOException {
        DistrictConfig config;
        try {
            config = new DistrictConfig(corridors, stations, weeks, seed, start);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (compare != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--compare compares the sample corridor; give it "
                    + "without --district");
        }
        Path folder = out == null ? FlowcastHome.path().resolve("district") : out;
        long began = System.nanoTime();
        boolean written = new SampleDistrict(config).ensureIn(folder);
        output.printf(Locale.ROOT, "%s sample district: %d corridors of %d stations (%d stations), %d weeks from %s (seed %d) in %s%s%n",
                written ? "Wrote the" : "Found the", config.corridors(), config.stationsPerCorridor(), config.stations(), config.weeks(),
                config.start(), config.seed(), folder,
                written ? String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - began) / 1e9) : "");
        output.println("Load it with: flowcast ingest " + folder + "; then 'flowcast corridors' lists its corridors");
        return 0;
    }

    static String comparison(SensorSeries sampleSeries, SensorSeries realSeries) {
        CorridorStatistics sample = CorridorStatistics.of(sampleSeries);
        CorridorStatistics real = CorridorStatistics.of(realSeries);
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("critical occupancy (max flow bin)", sample.criticalOccupancy(), real.criticalOccupancy(), "%.3f"));
        rows.add(row("corr(flow, occupancy), free flow", sample.flowOccupancyCorrelationFreeFlow(), real.flowOccupancyCorrelationFreeFlow(),
                "%.2f"));
        rows.add(row("corr(flow, occupancy), congested", sample.flowOccupancyCorrelationCongested(),
                real.flowOccupancyCorrelationCongested(), "%.2f"));
        rows.add(row("worst station: weekday peak speed (mph)", sample.peakSpeedAtWorstStation(), real.peakSpeedAtWorstStation(), "%.1f"));
        rows.add(row("same station: midday speed (mph)", sample.offPeakSpeedAtWorstStation(), real.offPeakSpeedAtWorstStation(), "%.1f"));
        rows.add(row("flow correlation, neighbours", sample.neighbourFlowCorrelation(), real.neighbourFlowCorrelation(), "%.3f"));
        rows.add(row("flow correlation, 5+ stations apart", sample.distantFlowCorrelation(), real.distantFlowCorrelation(), "%.3f"));
        rows.add(row("congestion onset upstream minus downstream (median min)", sample.medianUpstreamOnsetLagMinutes(),
                real.medianUpstreamOnsetLagMinutes(), "%.0f"));
        rows.add(row("share of onsets later upstream", sample.shareOfUpstreamOnsetsLater(), real.shareOfUpstreamOnsetsLater(), "%.2f"));
        rows.add(List.of("neighbour pairs congested together", String.valueOf(sample.onsetPairs()), String.valueOf(real.onsetPairs())));
        rows.add(List.of("weekday daily profile: Pearson sample vs real",
                String.format(Locale.ROOT, "%.3f", sample.profileCorrelation(real)), ""));
        return Tables.render(List.of("figure", "sample (" + sampleSeries.stationCount() + " stations)",
                "real (" + realSeries.stationCount() + " stations)"), rows);
    }

    private static List<String> row(String name, double sample, double real, String format) {
        return List.of(name, String.format(Locale.ROOT, format, sample), String.format(Locale.ROOT, format, real));
    }
}
