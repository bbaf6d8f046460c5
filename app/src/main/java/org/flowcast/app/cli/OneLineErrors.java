package org.flowcast.app.cli;

import org.flowcast.jobs.JobException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed command as one line on stderr, {@code flowcast COMMAND: message}, with the stack trace only under
 * {@code --verbose}: a job's usage failure as a usage error (a pointer to the help, exit code 2), any other with exit
 * code 1.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        boolean verbose = parseResult.originalArgs().contains("--verbose");
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        String command = commandLine.getCommandSpec().qualifiedName();
        commandLine.getErr().println(command + ": " + message);
        boolean usage = e instanceof JobException job && job.usage();
        if (verbose) {
            e.printStackTrace(commandLine.getErr());
        } else if (usage) {
            commandLine.getErr().println("Run '" + command + " --help' for usage.");
        } else if (!(e instanceof CommandFailure || e instanceof JobException)) {
            commandLine.getErr().println("(run again with --verbose for the stack trace)");
        }
        commandLine.getErr().flush();
        return usage ? FlowcastCommand.EXIT_USAGE : FlowcastCommand.EXIT_FAILURE;
    }
}
