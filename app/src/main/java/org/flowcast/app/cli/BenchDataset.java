package org.flowcast.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowcast.core.FlowcastHome;
import org.flowcast.sample.SampleConfig;
import org.flowcast.sample.SampleCorridor;

/**
 * The dataset a benchmark runs on when none is given: the project's copy of the Orange County data where it is (a
 * checkout beside the shared data), else the bundled sample corridor in Flowcast's home, written on first use; which
 * one, and what was missing, is said.
 */
final class BenchDataset {
    private static final String ORANGE_FOLDER = "../shared/data/pems-d12-orange";
    static final Path ORANGE = Path.of(ORANGE_FOLDER);
    /** The help's words for the default. */
    static final String DEFAULT = ORANGE_FOLDER + " where present, else the sample corridor in Flowcast's home";

    private BenchDataset() {
    }

    /** The given folder, else the default, said on {@code out} where the Orange data is missing. */
    static Path resolve(Path given, PrintWriter out) throws IOException {
        if (given != null) {
            return given;
        }
        if (Files.isDirectory(ORANGE)) {
            return ORANGE;
        }
        Path sample = FlowcastHome.path().resolve("sample");
        out.println("== " + ORANGE + " is not here (it needs the PeMS download, see 'Where to get PeMS data' in the README): "
                + "benchmarking on the sample corridor in " + sample);
        out.flush();
        new SampleCorridor(SampleConfig.DEFAULT).ensureIn(sample);
        return sample;
    }
}
