package org.flowcast.app.cli;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.ingest.IngestListener;
import org.flowcast.ingest.IngestOptions;
import org.flowcast.ingest.read.NpzTensorReader;
import org.flowcast.jobs.IngestService;
import org.flowcast.jobs.JobException;
import org.flowcast.jobs.cli.OptionValues;
import org.flowcast.jobs.cli.Tables;
import org.flowcast.jobs.cli.TimeConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowcast ingest}: loads PeMS files (any mix of formats) into the database. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Loads PeMS files into the database: station_5min files (.txt/.txt.gz), station metadata, "
                + "station web exports, .npz benchmark tensors and long CSVs (station,timestamp,flow[,occupancy,speed]). "
                + "Formats are detected from content. Loading the same file again changes nothing.",
            "Bad rows go to a reject log beside the database; a file with too many of them is refused whole. "
                + "Each file is committed whole or not at all."},
        footer = {"", "Examples:", "  flowcast ingest ~/pems/d12_text_meta_2022_01_01.txt ~/pems/station_5min/",
            "  flowcast ingest 'data/*.txt.gz' --db ./flowcast",
            "  flowcast ingest orange_81.npz --start 2022-01-01T00:00"})
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders (read recursively) or quoted globs.")
    List<String> paths;

    @Option(names = "--station", converter = OptionValues.StationId.class, paramLabel = "ID",
            description = "Station of single-station web exports "
            + "(default: the id the file's name or its folder's names: 1205320.txt, 10105110/, station25/), e.g. 10105110 or station25.")
    Integer station;

    @Option(names = "--start", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Time of the first step of .npz tensors, Pacific local (e.g. 2022-01-01T00:00) or with an offset.")
    Instant start;

    @Option(names = "--step", paramLabel = "DURATION", converter = OptionValues.FiveMinuteStep.class, defaultValue = "5m",
            description = "Step of .npz tensors (default: ${DEFAULT-VALUE}; only 5m is supported).")
    Duration step;

    @Option(names = "--station-list", paramLabel = "FILE",
            description = "Station ids of a tensor, one per line in tensor order (default: stations.txt or a .txt beside it).")
    Path stationList;

    @Option(names = "--edges", paramLabel = "FILE",
            description = "Edge list from,to,cost of a tensor (default: distance.csv or <name>.csv beside it).")
    Path edges;

    @Option(names = "--max-bad-share", converter = OptionValues.Share.class, paramLabel = "FRACTION", defaultValue = "0.05",
            description = "Refuse a file whose share of bad rows exceeds this (default: ${DEFAULT-VALUE}).")
    double maxBadShare;

    @Option(names = "--force", description = "Read files again even if their content was loaded before.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JobException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = IngestService.files(paths);
        IngestOptions options = new IngestOptions(maxBadShare,
                station == null ? OptionalInt.empty() : OptionalInt.of(station),
                new NpzTensorReader.Options(Optional.ofNullable(start), step, Optional.ofNullable(stationList), Optional.ofNullable(edges)),
                force);
        IngestService.Outcome outcome;
        try (ProgressBar bar = Progress.bar("Ingest", files.size(), "files")) {
            outcome = IngestService.ingest(database.location(), files, options, new BarListener(bar, System.nanoTime()));
        }
        out.println(summary(outcome, paths));
        IngestService.Compaction compaction = outcome.compaction();
        if (compaction.ran() && compaction.before().isPresent() && compaction.after().isPresent()) {
            out.printf(Locale.ROOT, "Compacted the database from %,d MB to %,d MB in %.1f s%s.%n", compaction.before().getAsLong() >> 20,
                    compaction.after().getAsLong() >> 20, compaction.seconds(),
                    compaction.interrupted() ? " (an earlier compaction of it was cut short)" : "");
        }
        compaction.failure().ifPresent(f -> spec.commandLine().getErr().println("flowcast ingest: " + f));
        for (FileIngestResult r : outcome.results()) {
            r.warnings().forEach(w -> spec.commandLine().getErr().println("flowcast ingest: warning: " + w));
            if (r.status().isFailure()) {
                spec.commandLine().getErr().println("flowcast ingest: " + r.message());
            }
        }
        return outcome.anyFailed() || compaction.failure().isPresent() ? FlowcastCommand.EXIT_FAILURE : 0;
    }

    /** A file as the table shows it: its path below the folder given that holds it, else its name. */
    static String shownPath(Path file, List<String> given) {
        Path absolute = file.toAbsolutePath().normalize();
        for (String root : given) {
            Path folder = Path.of(root).toAbsolutePath().normalize();
            if (Files.isDirectory(folder) && absolute.startsWith(folder) && !absolute.equals(folder)) {
                return folder.relativize(absolute).toString();
            }
        }
        return file.getFileName().toString();
    }

    private static String summary(IngestService.Outcome outcome, List<String> given) {
        List<FileIngestResult> results = outcome.results();
        double seconds = outcome.seconds();
        List<List<String>> rows = new ArrayList<>();
        long loaded = 0;
        long read = 0;
        List<Integer> withoutMetadata = new ArrayList<>();
        int unchanged = 0;
        for (FileIngestResult r : results) {
            if (r.status() == FileIngestResult.Status.UNCHANGED && r.warnings().isEmpty()) {
                unchanged++; // a rerun over a growing folder: the files loaded before are counted, not listed
            } else {
                rows.add(List.of(shownPath(r.file(), given), r.format().map(f -> f.label()).orElse("?"),
                        r.status().name().toLowerCase(Locale.ROOT), String.valueOf(r.loaded()),
                        String.valueOf(r.duplicates()), String.valueOf(r.rejected()), String.valueOf(r.flagged())));
            }
            loaded += r.loaded();
            read += r.rowsRead();
            r.stationsWithoutMetadata().stream().filter(id -> !withoutMetadata.contains(id)).forEach(withoutMetadata::add);
        }
        StringBuilder text = new StringBuilder();
        if (!rows.isEmpty()) {
            text.append(Tables.render(List.of("file", "format", "status", "loaded", "duplicates", "rejected", "flagged"), rows,
                    TerminalWidth.columns())).append(System.lineSeparator());
        }
        if (unchanged > 0) {
            text.append(String.format(Locale.ROOT, "%,d %s unchanged: loaded before (--force reads %s again).", unchanged,
                    unchanged == 1 ? "file" : "files", unchanged == 1 ? "it" : "them")).append(System.lineSeparator());
        }
        text.append(String.format("%d files, %,d rows read, %,d loaded in %.1f s (%,.0f rows/s) into %s",
                results.size(), read, loaded, seconds, read / Math.max(seconds, 1e-9), outcome.database()));
        if (results.stream().anyMatch(r -> r.rejected() > 0)) {
            text.append(System.lineSeparator()).append("Rejected rows are listed in ").append(outcome.rejectLog());
        }
        if (!withoutMetadata.isEmpty()) {
            text.append(System.lineSeparator()).append(withoutMetadata.size()).append(" station(s) have no PeMS metadata yet ")
                    .append(withoutMetadata.size() <= 10 ? withoutMetadata.toString() : "")
                    .append("; ingest a dNN_text_meta file for postmiles and names.");
        }
        return text.toString();
    }

    /** Moves the bar on; rows per second in its message. */
    private record BarListener(ProgressBar bar, long began) implements IngestListener {
        @Override
        public void rowsRead(long totalRows) {
            if (bar != null) {
                double seconds = (System.nanoTime() - began) / 1e9;
                bar.setExtraMessage(String.format("%,d rows, %,.0f rows/s", totalRows, totalRows / Math.max(seconds, 1e-9)));
            }
        }

        @Override
        public void fileFinished(FileIngestResult result) {
            if (bar != null) {
                bar.step();
            }
        }
    }
}
