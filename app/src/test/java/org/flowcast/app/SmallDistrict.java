package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flowcast.app.FlowcastCommandTest.Result;

/**
 * One small simulated district shared by the tests of one JVM: 4 corridors (5-N, 5-S, 22-E, 22-W) of 5
 * stations over 3 weeks, written by {@code flowcast sample --district}, ingested, with a linear AR model
 * trained for every corridor ({@code train --corridor all}) and the newest forecasts of each written
 * ({@code forecast --corridor all --latest}).
 */
public final class SmallDistrict {
    private static Path home;
    static Result sample;
    static Result ingest;
    static Result train;
    static Result forecast;

    private SmallDistrict() {
    }

    /** The district's folder, made the first time it is asked for. */
    public static synchronized Path home() {
        if (home == null) {
            home = DemoWorkdir.temporaryFolder("flowcast-district");
            sample = FlowcastCommandTest.run("sample", "--district", "--corridors", "4", "--stations", "5", "--weeks", "3",
                    "--out", home.resolve("files").toString());
            assertThat(sample.exitCode()).as(sample.err()).isZero();
            ingest = FlowcastCommandTest.run("ingest", "--db", database().toString(), home.resolve("files").toString());
            assertThat(ingest.exitCode()).as(ingest.err()).isZero();
            train = FlowcastCommandTest.run("train", "--db", database().toString(), "--corridor", "all", "--model", "linear-ar",
                    "--out", models().toString());
            forecast = FlowcastCommandTest.run("forecast", "--db", database().toString(), "--corridor", "all", "--latest",
                    "--models-dir", models().toString());
        }
        return home;
    }

    public static Path database() {
        return home().resolve("flowcast");
    }

    public static Path models() {
        return home().resolve("models");
    }
}
