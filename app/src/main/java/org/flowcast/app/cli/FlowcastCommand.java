package org.flowcast.app.cli;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowcast.core.FlowcastHome;
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
        footer = {"", "Run 'flowcast COMMAND --help' for the options of a command."},
        usageHelpAutoWidth = true)
public final class FlowcastCommand implements Runnable {

    /** Exit code of a command that failed after its arguments were accepted. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code of a command whose arguments were wrong. */
    public static final int EXIT_USAGE = 2;
    /**
     * The system property holding Flowcast's home while a command line runs, for the help to show the real default
     * folders: an annotation's text is a constant, and picocli reads {@code ${sys:...}} in it when the help is shown.
     */
    static final String HELP_HOME = "flowcast.help.home";

    /**
     * The subcommands by name, in the order help lists them. Registered in {@link #run} rather than in the
     * annotation: building all fifteen commands' option models took 250 ms of a 0.55 s start, so a command line
     * naming one registers only that one (help, and a name that is no command, still see them all). The names are
     * their annotations' (a test holds them to it), so that finding one reads no annotation.
     */
    public static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "demo", DemoCommand.class,
            "sample", SampleCommand.class,
            "replay", ReplayCommand.class,
            "ingest", IngestCommand.class,
            "stations", StationsCommand.class,
            "corridors", CorridorsCommand.class,
            "quality", QualityCommand.class,
            "fill", FillCommand.class,
            "models", ModelsCommand.class,
            "train", TrainCommand.class,
            "forecast", ForecastCommand.class,
            "watch", WatchCommand.class,
            "accuracy", AccuracyCommand.class,
            "export", ExportCommand.class,
            "runs", RunsCommand.class,
            "evaluate", EvaluateCommand.class,
            "report", ReportCommand.class,
            "dashboard", DashboardCommand.class,
            "bench", BenchCommand.class,
            "help", CommandLine.HelpCommand.class);

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
        LogLevels.apply(Arrays.asList(args).contains("--verbose"));
        System.setProperty(HELP_HOME, FlowcastHome.path().toString());
        CommandLine commandLine = new CommandLine(new FlowcastCommand());
        // subcommands first: the settings below reach only the subcommands registered when they are made
        for (Class<?> subcommand : subcommandsFor(args)) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(e -> EXIT_FAILURE)
                .setExecutionExceptionHandler(new OneLineErrors());
        commandLine.getCommandSpec().exitCodeOnInvalidInput(EXIT_USAGE);
        commandLine.setParameterExceptionHandler(new UsageErrors());
        return commandLine.execute(args);
    }

    /** The subcommand the command line names (its first word that is not an option), or all of them. */
    static Collection<Class<?>> subcommandsFor(String... args) {
        String first = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        Class<?> named = SUBCOMMANDS.get(first);
        return named == null || named == CommandLine.HelpCommand.class ? SUBCOMMANDS.values() : List.of(named);
    }

    private static Map<String, Class<?>> subcommands(Object... namesAndClasses) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (int i = 0; i < namesAndClasses.length; i += 2) {
            byName.put((String) namesAndClasses[i], (Class<?>) namesAndClasses[i + 1]);
        }
        return Collections.unmodifiableMap(byName);
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"flowcast " + FlowcastVersion.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
