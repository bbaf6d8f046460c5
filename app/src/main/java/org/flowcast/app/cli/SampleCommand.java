package org.flowcast.app.cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.flowcast.core.FlowcastHome;
import org.flowcast.core.SensorSeries;
import org.flowcast.jobs.CorridorLoader;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.Tables;
import org.flowcast.jobs.cli.TimeConverter;
import org.flowcast.jobs.feed.FeedClock;
import org.flowcast.jobs.feed.FeedDelivery;
import org.flowcast.jobs.feed.FeedSpeed;
import org.flowcast.jobs.feed.LiveSampleRequest;
import org.flowcast.jobs.feed.LiveSampleService;
import org.flowcast.sample.CorridorStatistics;
import org.flowcast.sample.DistrictConfig;
import org.flowcast.sample.SampleConfig;
import org.flowcast.sample.SampleCorridor;
import org.flowcast.sample.SampleDistrict;
import org.flowcast.sample.TrafficShift;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flowcast sample}: writes the simulated sample corridor as PeMS files, and compares it with real data. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the sample corridor: a simulated freeway (cell transmission model with ramps, a lane-drop "
                + "bottleneck, weekday peaks, incidents and detector faults) as PeMS Clearinghouse station_5min files "
                + "and a metadata file, ready for 'flowcast ingest'. The same seed gives the same files.",
            "With --compare, prints realism figures of the sample beside those of a folder of real PeMS files.",
            "With --district --live INBOX, writes the district as a live feed instead, for watching live operation without PeMS "
                + "data: its metadata file first, then one file per 5-minute interval (the rows of the daily files, "
                + "dNN_text_station_5min_YYYY_MM_DD_HHMM.txt), each written as .NAME.part and renamed to NAME atomically, "
                + "--speed times faster than real time (see 'flowcast replay --help').",
            "--demand-shift or --lane-closure with --shift-from change the traffic deliberately from a day on, for live-operation "
                + "experiments; the days before are unchanged."},
        footer = {"", "Examples:", "  flowcast sample --out /tmp/sample --compare ~/pems    # a folder of PeMS files you downloaded",
            "  flowcast sample --district --live inbox --speed 300 --days 2",
            "  flowcast sample --district --live inbox --speed max --days 14 \\",
            "      --demand-shift 1.2 --shift-from 8"})
public final class SampleCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write (default: sample in Flowcast's home, " + DatabaseOption.HOME
            + "/sample).")
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

    @Option(names = "--live", paramLabel = "INBOX", description = "With --district: write the district as a live feed into INBOX "
            + "(made if absent), one 5-minute file at a time.")
    Path live;

    @Option(names = "--speed", paramLabel = "N", converter = OptionValues.Speed.class, description = "With --live: how much faster "
            + "than real time (1 = a file every 5 minutes, 300 = one a second, max = as fast as possible).")
    FeedSpeed speed;

    @Option(names = "--days", paramLabel = "D", converter = OptionValues.AtLeastOne.class,
            description = "With --live: deliver the first D days (default: all --weeks).")
    Integer days;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "With --live: the first interval to deliver (Pacific local): continues a stopped feed.")
    Instant from;

    @Mixin
    ShiftOptions shiftOptions;

    @Spec
    CommandSpec spec;

    public static Path defaultFolder() {
        return FlowcastHome.path().resolve("sample");
    }

    @Override
    public Integer call() throws IOException, JobException {
        PrintWriter output = spec.commandLine().getOut();
        TrafficShift shift = shiftOptions.shift();
        checkLiveOptions();
        if (live != null) {
            return writeLive(output, shift);
        }
        if (district) {
            return writeDistrict(output, shift);
        }
        SampleConfig config;
        SampleCorridor corridor;
        try {
            config = new SampleConfig(stations, weeks, seed, start);
            corridor = new SampleCorridor(config, shift);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        // a shifted sample goes beside the default one, which the demo reuses, rather than over it
        Path folder = out != null ? out : shift.none() ? defaultFolder() : FlowcastHome.path().resolve("sample-shifted");
        long began = System.nanoTime();
        boolean written = corridor.ensureIn(folder);
        output.printf(Locale.ROOT, "%s sample corridor: %d stations, %d weeks from %s (seed %d%s) in %s%s%n",
                written ? "Wrote the" : "Found the", config.stations(), config.weeks(), config.start(), config.seed(),
                shift.none() ? "" : "; " + shift.label(), folder,
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

    private void checkLiveOptions() {
        String without = live == null ? (speed != null ? "--speed" : days != null ? "--days" : from != null ? "--from" : null) : null;
        if (without != null) {
            throw new ParameterException(spec.commandLine(), without + " paces a live feed; give it with --district --live INBOX");
        }
        if (live == null) {
            return;
        }
        if (!district) {
            throw new ParameterException(spec.commandLine(), "--live writes a district's feed; add --district");
        }
        if (speed == null) {
            throw new ParameterException(spec.commandLine(), "--live needs --speed N (1 = real time, 300 = a file a second, max)");
        }
        if (out != null || compare != null) {
            throw new ParameterException(spec.commandLine(), "--live writes into its INBOX; give it without " + (out != null ? "--out"
                    : "--compare"));
        }
    }

    private int writeLive(PrintWriter output, TrafficShift shift) throws JobException {
        DistrictConfig config = districtConfig();
        LiveSampleRequest request = new LiveSampleRequest(config, shift, live, speed,
                days == null ? OptionalInt.empty() : OptionalInt.of(days), Optional.ofNullable(from));
        FeedProgress progress = new FeedProgress(output);
        FeedDelivery delivery = LiveSampleService.prepare(request, FeedClock.SYSTEM, progress);
        output.printf(Locale.ROOT, "Feeding the sample district (%d corridors of %d stations, seed %d%s) into %s at speed %s%n",
                config.corridors(), config.stationsPerCorridor(), config.seed(), shift.none() ? "" : ", " + shift.label(), live, speed);
        String again = String.format(Locale.ROOT, "flowcast sample --district --corridors %d --stations %d --weeks %d --seed %d "
                + "--start %s%s%s --live %s --speed %s --from", corridors, stations, weeks, seed, start, shiftOptions.asArguments(),
                days == null ? "" : " --days " + days, live, speed);
        LiveFeedRun.run(delivery, progress, output, again);
        return 0;
    }

    private DistrictConfig districtConfig() {
        try {
            return new DistrictConfig(corridors, stations, weeks, seed, start);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int writeDistrict(PrintWriter output, TrafficShift shift) throws IOException {
        DistrictConfig config = districtConfig();
        if (compare != null) {
            throw new ParameterException(spec.commandLine(), "--compare compares the sample corridor; give it without --district");
        }
        SampleDistrict sample;
        try {
            sample = new SampleDistrict(config, shift);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path folder = out != null ? out : FlowcastHome.path().resolve(shift.none() ? "district" : "district-shifted");
        long began = System.nanoTime();
        boolean written = sample.ensureIn(folder);
        output.printf(Locale.ROOT, "%s sample district: %d corridors of %d stations (%d stations), %d weeks from %s (seed %d%s) in %s%s%n",
                written ? "Wrote the" : "Found the", config.corridors(), config.stationsPerCorridor(), config.stations(), config.weeks(),
                config.start(), config.seed(), shift.none() ? "" : "; " + shift.label(), folder,
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
