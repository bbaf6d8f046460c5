package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flowcast.app.FlowcastCommandTest.Result;
import org.flowcast.app.cli.FlowcastCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command's {@code --help}, subcommands of subcommands included, prints its usage and nothing else: no picocli
 * warning (an unescaped {@code %} in a description makes picocli print one to the console), nothing on standard error.
 */
class EveryHelpTest {
    static Stream<String> commands() {
        CommandLine root = new CommandLine(new FlowcastCommand());
        FlowcastCommand.SUBCOMMANDS.values().forEach(root::addSubcommand);
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, String path, List<String> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && sub.getCommandName().equals(name)) {
                String full = (path + " " + name).trim();
                paths.add(full);
                collect(sub, full, paths);
            }
        });
    }

    @ParameterizedTest(name = "flowcast {0} --help")
    @MethodSource("commands")
    void helpPrintsTheUsageAndNothingElse(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        PrintStream console = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        Result result;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            result = FlowcastCommandTest.run(args.toArray(String[]::new));
        } finally {
            System.setErr(console);
        }
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: flowcast " + command);
        assertThat(result.err()).isEmpty();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
