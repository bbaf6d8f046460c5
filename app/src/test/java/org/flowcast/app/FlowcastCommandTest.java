package org.flowcast.app;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.flowcast.app.cli.FlowcastCommand;
import org.flowcast.core.FlowcastHome;
import org.flowcast.core.FlowcastVersion;
import org.junit.jupiter.api.Test;

public class FlowcastCommandTest {
    public record Result(int exitCode, String out, String err) {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FlowcastCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEverySubcommand() {
        Result result = run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: flowcast", "Commands:", "help");
        for (String name : FlowcastCommand.SUBCOMMANDS.keySet()) {
            assertThat(result.out()).contains("  " + name + " ");
        }
    }

    @Test
    void everySubcommandIsRegisteredUnderItsAnnotationsName() {
        FlowcastCommand.SUBCOMMANDS.forEach((name, type) ->
                assertThat(type.getAnnotation(picocli.CommandLine.Command.class).name()).isEqualTo(name));
    }

    @Test
    void oneCommandsHelpComesAsOptionAndThroughTheHelpCommand() {
        Map<String, String[]> usages = Map.of(
                "Usage: flowcast ingest", new String[] {"ingest", "--help"},
                "Usage: flowcast train", new String[] {"help", "train"},
                "Usage: flowcast corridors", new String[] {"--verbose", "corridors", "--help"});
        usages.forEach((usage, args) -> {
            Result result = run(args);
            assertThat(result.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(result.out()).as(String.join(" ", args)).contains(usage);
        });
    }

    @Test
    void helpNamesTheFoldersInForceAndTheTablesThatHoldForecasts() {
        System.setProperty(FlowcastHome.PROPERTY, "/srv/fc-home");
        try {
            Result train = run("train", "--help");
            assertThat(train.out()).contains("/srv/fc-home/models").doesNotContain("~/.flowcast");
            Result forecast = run("forecast", "--help");
            assertThat(forecast.out()).contains("forecast_run", "forecast_origin", "/srv/fc-home/models")
                    .doesNotContain("tables forecast,", "attention table");
        } finally {
            System.clearProperty(FlowcastHome.PROPERTY);
        }
    }

    @Test
    void versionNamesTheBuild() {
        Result result = run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("flowcast " + FlowcastVersion.current());
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCodeTwo() {
        Result result = run("--no-such-option");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option", "--help");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Result result = run("frobnicate");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("frobnicate");
    }
}
