package org.flowcast.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed command as one line on stderr, {@code flowcast COMMAND: message}, with the stack
 * trace only under {@code --verbose}; exit code 1.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        boolean verbose = parseResult.originalArgs().contains("--verbose");
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + message);
        if (verbose) {
            e.printStackTrace(commandLine.getErr());
        } else if (!(e instanceof CommandFailure)) {
            commandLine.getErr().println("(run again with --verbose for the stack trace)");
        }
        commandLine.getErr().flush();
        return FlowcastCommand.EXIT_FAILURE;
    }
}
