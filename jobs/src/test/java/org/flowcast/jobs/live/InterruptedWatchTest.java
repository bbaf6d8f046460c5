package org.flowcast.jobs.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A watcher killed with SIGKILL part way through half a day of 5-minute files, then started again, ends with the same
 * readings, forecasts, scores and interval state as one that was never interrupted: every step of every corridor is
 * committed whole or not at all, and done once.
 */
class InterruptedWatchTest {
    private static final int FILES = 144;

    @TempDir
    static Path dir;
    private static List<String> uninterrupted;

    @BeforeAll
    static void runUninterrupted() throws Exception {
        Path db = LiveDistrict.databaseCopy(dir.resolve("whole"));
        Path inbox = dir.resolve("whole-inbox");
        LiveDistrict.deliver(LiveDistrict.feed().subList(0, FILES), inbox);
        assertThat(runToEnd(db, inbox)).isEqualTo(FILES);
        uninterrupted = StoredState.of(db);
    }

    /** Killed while moving the files it read (after 3 of them), after its first step, and half way. */
    @ParameterizedTest(name = "killed after {0} {1} lines")
    @CsvSource({"3, file", "1, step", "70, step"})
    void aWatcherKilledAtAnyPointAndStartedAgainEndsAsOneNeverInterrupted(int linesBeforeKill, String kind, @TempDir Path here)
            throws Exception {
        Path db = LiveDistrict.databaseCopy(here.resolve("db"));
        Path inbox = here.resolve("inbox");
        LiveDistrict.deliver(LiveDistrict.feed().subList(0, FILES), inbox);
        Process watcher = start(db, inbox);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(watcher.getInputStream(), StandardCharsets.UTF_8))) {
            int seen = 0;
            for (String line = out.readLine(); line != null && seen < linesBeforeKill; line = out.readLine()) {
                seen += line.startsWith(kind + " ") ? 1 : 0;
            }
        }
        watcher.destroyForcibly(); // SIGKILL
        assertThat(watcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int rest = runToEnd(db, inbox);
        assertThat(rest).as("steps left after the kill").isPositive().isLessThanOrEqualTo(FILES);
        assertThat(StoredState.of(db)).isEqualTo(uninterrupted);
    }

    private static Process start(Path db, Path inbox) throws Exception {
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), WatchProcess.class.getName(), db.toString(), inbox.toString(),
                LiveDistrict.models().toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Runs a watcher until the inbox has nothing left to do; returns the steps it did. */
    private static int runToEnd(Path db, Path inbox) throws Exception {
        Process watcher = start(db, inbox);
        int steps = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(watcher.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                steps += line.startsWith("step ") ? 1 : 0;
            }
        }
        assertThat(watcher.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(watcher.exitValue()).isZero();
        return steps;
    }
}
