package org.flowcast.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Reports wrong arguments as one line naming the fix, then a pointer to the command's help; exit code 2. */
final class UsageErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, commandLine.getErr());
        commandLine.getErr().println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        commandLine.getErr().flush();
        return FlowcastCommand.EXIT_USAGE;
    }
}
