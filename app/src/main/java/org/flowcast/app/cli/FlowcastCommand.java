package org.flowcast.app.cli;

import java.io.PrintWriter;
import org.flowcast.core.FlowcastVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The top-level {@code flowcast} command: global options and the list of subcommands. */
@Command(name = "flowcast",
        mixinStandardHelpOptions = true,
        versionProvider = FlowcastCommand.Version.class,
        description = "Forecasts freeway traffic flow from Caltrans PeMS detector data.",
        subcommands = {
            DemoCommand.class,
            SampleCommand.class,
            IngestCommand.class,
            StationsCommand.class,
            CorridorsCommand.class,
            QualityCommand.class,
            FillCommand.class,
            ModelsCommand.class,
            TrainCommand.class,
            ForecastCommand.class,
            EvaluateCommand.class,
            ReportCommand.class,
            DashboardCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class,
        },
        footer = {"", "Run 'flowcast COMMAND --help' for the options of a command."},
        usageHelpAutoWidth = true)
public final class FlowcastCommand implements Runnable {

    /** Exit code of a command that failed after its arguments were accepted. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of a command whose arguments were wrong. */
    public static final int EXIT_USAGE = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show log output and the stack trace of an error.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Parses and runs a command line; returns the process exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs with the given output streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        LogLevels.apply(java.util.Arrays.asList(args).contains("--verbose"));
        CommandLine commandLine = new CommandLine(new FlowcastCommand())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(e -> EXIT_FAILURE)
                .setExecutionExceptionHandler(new OneLineErrors());
        commandLine.getCommandSpec().exitCodeOnInvalidInput(EXIT_USAGE);
        commandLine.setParameterExceptionHandler(new UsageErrors());
        return commandLine.execute(args);
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"flowcast " + FlowcastVersion.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
