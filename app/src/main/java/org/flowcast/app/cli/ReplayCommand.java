package org.flowcast.app.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.TimeConverter;
import org.flowcast.jobs.feed.FeedClock;
import org.flowcast.jobs.feed.FeedDelivery;
import org.flowcast.jobs.feed.FeedSpeed;
import org.flowcast.jobs.feed.ReplayRequest;
import org.flowcast.jobs.feed.ReplayService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowcast replay}: historical PeMS daily files delivered into an inbox as a live feed would deliver them. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays historical PeMS station_5min daily files (.txt or .txt.gz, e.g. ../shared/data/pems-d12-orange or "
                + "the sample's folder) into INBOX as a live feed delivers them: one file per 5-minute interval holding every "
                + "station's row of that interval (the original rows, byte for byte), N times faster than real time. The "
                + "district's metadata files (dNN_text_meta*.txt) in SOURCE are copied first. For watching live operation.",
            "Files are named dNN_text_station_5min_YYYY_MM_DD_HHMM.txt, the interval's start in Pacific local time (e.g. "
                + "d12_text_station_5min_2022_01_05_0810.txt): not a daily file's name, so the ingest does not hold their rows "
                + "to one day. Names sort in time order; the second pass of the hour repeated when the clocks fall back is "
                + "..._HHMM_pst.txt.",
            "Each file is written whole as .NAME.part (a dot-file) in INBOX and then renamed to NAME in one atomic step: "
                + "a watcher that skips dot-files and *.part files never reads half a file. Ctrl-C stops after the file being "
                + "written lands, leaves no .part file, and prints the --from that continues the replay."},
        footer = {"", "Examples (one file a second; two days at once; an hour a minute from a time on):",
            "  flowcast replay ../shared/data/pems-d12-orange inbox --speed 300",
            "  flowcast replay ~/.flowcast/sample inbox --speed max --to 2023-02-08",
            "  flowcast replay ~/.flowcast/sample inbox --speed 60 --from 2023-02-07T08:15"})
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SOURCE", description = "A folder of PeMS daily station_5min files of one district "
            + "(searched through), or one such file.")
    Path source;

    @Parameters(index = "1", paramLabel = "INBOX", description = "The folder the feed's files land in (made if absent).")
    Path inbox;

    @Option(names = "--speed", required = true, paramLabel = "N", converter = OptionValues.Speed.class,
            description = "How much faster than real time: 1 = a file every 5 minutes, 300 = one a second, max = as fast as possible.")
    FeedSpeed speed;

    @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "The first interval to deliver (Pacific local, e.g. 2022-01-05T08:15): continues a stopped replay.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Stop before this interval (default: the end of SOURCE).")
    Instant to;

    @Option(names = "--steps", paramLabel = "K", converter = OptionValues.AtLeastOne.class,
            description = "Deliver at most K interval files.")
    Integer steps;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        ReplayRequest request = new ReplayRequest(source, inbox, speed, Optional.ofNullable(from), Optional.ofNullable(to),
                steps == null ? OptionalLong.empty() : OptionalLong.of(steps));
        FeedProgress progress = new FeedProgress(spec.commandLine().getOut());
        FeedDelivery delivery = ReplayService.prepare(request, FeedClock.SYSTEM, progress);
        LiveFeedRun.run(delivery, progress, spec.commandLine().getOut(), "flowcast replay " + source + " " + inbox + " --speed "
                + speed + (to == null ? "" : " --to " + LiveFeedRun.optionTime(to)) + " --from");
        return 0;
    }
}
