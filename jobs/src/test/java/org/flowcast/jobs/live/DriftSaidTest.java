package org.flowcast.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.jobs.Workspace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The watcher's drift check end to end: the district's last day as a feed, as it came or with every flow raised, watched
 * with the default drift settings; a corridor whose realised error over a whole day rises above its error before live
 * operation by more than the margin is said to have drifted, once; traffic like the history is not, nor part of a day
 * (its hours' error is not a day's).
 */
class DriftSaidTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} files, flows x{1}")
    @CsvSource({"288, 1.0, false", "288, 1.6, true", "144, 1.6, false"})
    void aCorridorWhoseLiveErrorOverADayRisesAboveItsErrorBeforeLiveOperationIsSaidToHaveDriftedOnce(int files, double factor,
            boolean drifts) throws Exception {
        Path database = LiveDistrict.databaseCopy(dir.resolve("db"));
        Path inbox = dir.resolve("inbox");
        LiveDistrict.deliver(scaled(LiveDistrict.feed().subList(0, files), factor), inbox);
        List<String> notes = new ArrayList<>();
        try (Workspace workspace = Workspace.open(database.toString())) {
            new WatchService(workspace, WatchSettings.defaults(inbox, LiveDistrict.models()).withOnce(true), noting(notes),
                    Clock.systemUTC()).run(() -> false);
        }
        List<String> drift = notes.stream().filter(n -> n.contains("has drifted")).toList();
        if (drifts) {
            assertThat(drift).as(String.join("\n", notes)).hasSize(2);
            assertThat(drift).anySatisfy(n -> assertThat(n).startsWith("5-N linear-ar has drifted: realised MAE"))
                    .anySatisfy(n -> assertThat(n).startsWith("5-S linear-ar has drifted: realised MAE"))
                    .allSatisfy(n -> assertThat(n).contains("over the last 24 h against", "before live operation")
                            .doesNotContain("fine-tuning"));
        } else {
            assertThat(drift).as(String.join("\n", notes)).isEmpty();
        }
    }

    private static WatchService.Listener noting(List<String> notes) {
        return new WatchService.Listener() {
            @Override
            public void file(FileIngestResult result) {
            }

            @Override
            public void step(WatchService.StepReport report) {
            }

            @Override
            public void note(String message) {
                notes.add(message);
            }
        };
    }

    /** The feed's files with every flow (the station's and each lane's) times {@code factor}. */
    private List<Path> scaled(List<Path> feed, double factor) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scaled"));
        List<Path> out = new ArrayList<>();
        for (Path file : feed) {
            List<String> rows = new ArrayList<>();
            for (String row : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = row.split(",", -1);
                for (int i = 9; i < f.length; i = i == 9 ? 13 : i + 5) {
                    if (!f[i].isEmpty()) {
                        f[i] = String.format(Locale.ROOT, "%d", Math.round(Double.parseDouble(f[i]) * factor));
                    }
                }
                rows.add(String.join(",", f));
            }
            out.add(Files.write(folder.resolve(file.getFileName()), rows, StandardCharsets.UTF_8));
        }
        return out;
    }
}
