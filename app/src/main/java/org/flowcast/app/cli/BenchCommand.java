package org.flowcast.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flowcast bench}: reproducible benchmarks that print a table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs reproducible benchmarks and prints their figures as a table.",
        subcommands = {IngestBenchCommand.class, ModelBenchCommand.class, DashboardBenchCommand.class, CommandLine.HelpCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
