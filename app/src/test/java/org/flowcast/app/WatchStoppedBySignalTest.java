package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowcast watch} stopped with SIGTERM (as a service manager or Ctrl-C stops it) while it works through a feed:
 * it ends within its grace time without a stack trace, and a watcher started again ends with the same live forecasts and
 * accuracy as one never stopped.
 */
class WatchStoppedBySignalTest {
    private static final int FILES = 48;

    @TempDir
    Path dir;

    @Test
    void aWatcherStoppedBySigtermEndsCleanlyAndOneStartedAgainEndsAsOneNeverStopped() throws Exception {
        Path files = dir.resolve("files");
        Path history = dir.resolve("history");
        assertThat(FlowcastCommandTest.run("sample", "--district", "--corridors", "2", "--stations", "4", "--weeks", "2",
                "--out", files.toString()).exitCode()).isZero();
        Files.createDirectories(history);
        try (Stream<Path> all = Files.list(files)) {
            for (Path f : all.filter(f -> !f.getFileName().toString().contains("2023_02_19")).toList()) {
                Files.copy(f, history.resolve(f.getFileName()));
            }
        }
        Path whole = dir.resolve("whole/flowcast");
        Result ingest = FlowcastCommandTest.run("ingest", "--db", whole.toString(), history.toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        Path models = dir.resolve("models");
        Result train = FlowcastCommandTest.run("train", "--db", whole.toString(), "--corridor", "all", "--model", "linear-ar", "--out",
                models.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        Path stopped = dir.resolve("stopped/flowcast");
        Files.createDirectories(stopped.getParent());
        Files.copy(Path.of(whole + ".mv.db"), Path.of(stopped + ".mv.db"));

        Path feed = dir.resolve("feed");
        Result replay = FlowcastCommandTest.run("replay", files.toString(), feed.toString(), "--speed", "max", "--from",
                "2023-02-19T00:00", "--steps", String.valueOf(FILES));
        assertThat(replay.exitCode()).as(replay.err()).isZero();

        Result once = FlowcastCommandTest.run("watch", copyOf(feed, "whole-inbox").toString(), "--db", whole.toString(),
                "--models-dir", models.toString(), "--once");
        assertThat(once.exitCode()).as(once.err()).isZero();

        Path inbox = copyOf(feed, "stopped-inbox");
        Process watcher = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), FlowcastMain.class.getName(), "watch", inbox.toString(), "--db",
                stopped.toString(), "--models-dir", models.toString())).redirectErrorStream(true).start();
        watcher.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(watcher.getInputStream(), StandardCharsets.UTF_8))) {
            int steps = 0;
            for (String line = out.readLine(); line != null && steps < 3; line = out.readLine()) {
                lines.add(line);
                steps += line.contains(" scored ") ? 1 : 0;
            }
            // SIGTERM by kill(1): Process.destroy() would send it too, but closes the streams this test reads on
            assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(watcher.pid())).start().waitFor()).isZero();
            assertThat(watcher.waitFor(60, TimeUnit.SECONDS)).as("stopped within its grace time").isTrue();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } finally {
            watcher.destroyForcibly();
        }
        assertThat(lines).as("what the stopped watcher printed").isNotEmpty()
                .noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));

        Result rest = FlowcastCommandTest.run("watch", inbox.toString(), "--db", stopped.toString(), "--models-dir", models.toString(),
                "--once");
        assertThat(rest.exitCode()).as(rest.err()).isZero();
        assertThat(rest.out().lines().filter(l -> l.contains(" scored "))).as("steps left for the watcher started again").isNotEmpty();
        assertThat(exported(stopped)).isEqualTo(exported(whole));
    }

    /** The live corridors' newest forecasts and the realised accuracy, as other systems read them. */
    private static List<String> exported(Path database) {
        List<String> out = new ArrayList<>();
        for (String corridor : List.of("5-N", "5-S")) {
            Result forecasts = FlowcastCommandTest.run("export", "--db", database.toString(), "--corridor", corridor);
            assertThat(forecasts.exitCode()).as(forecasts.err()).isZero();
            assertThat(forecasts.out().lines().count()).as(corridor + " newest forecasts").isGreaterThan(1);
            out.add(forecasts.out());
        }
        Result accuracy = FlowcastCommandTest.run("export", "--db", database.toString(), "--accuracy", "--format", "json");
        assertThat(accuracy.exitCode()).as(accuracy.err()).isZero();
        out.add(accuracy.out());
        return out;
    }

    private Path copyOf(Path feed, String name) throws IOException {
        Path inbox = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> all = Files.list(feed)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                Files.copy(f, inbox.resolve(f.getFileName()));
            }
        }
        return inbox;
    }
}
