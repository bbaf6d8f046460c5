package org.flowcast.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.flowcast.app.FlowcastCommandTest.Result;

/**
 * One small demo run (5 stations, 3 weeks, 5 s of Conv-LSTM training) shared by the tests of one JVM:
 * its database, models, report and forecast runs are the realistic state the dashboard tests read.
 */
public final class DemoWorkdir {
    private static Path home;
    private static Result firstRun;

    private DemoWorkdir() {
    }

    /** The demo's folder, running the demo the first time it is asked for. */
    public static synchronized Path home() {
        if (home == null) {
            home = temporaryFolder("flowcast-demo");
            firstRun = runDemo();
        }
        return home;
    }

    /** What the first demo run printed. */
    public static synchronized Result firstRun() {
        home();
        return firstRun;
    }

    public static Path database() {
        return home().resolve("flowcast");
    }

    static Result runDemo() {
        return FlowcastCommandTest.run("demo", "--workdir", home.toString(), "--stations", "5", "--weeks", "3", "--train-seconds", "5",
                "--baseline-train-seconds", "1");
    }

    /** A new temporary folder, deleted with everything in it when the test JVM exits. */
    static Path temporaryFolder(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
