package org.flowcast.spark;

import java.util.Optional;
import org.flowcast.jobs.JobException;
import org.flowcast.store.DatabaseFaults;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed {@code flowcast-spark} run in one sentence on stderr, with the stack trace only under
 * {@code --verbose}: a store that Spark's JDBC source could not read (a PostgreSQL server gone, or out of the executors'
 * reach) in the words of {@link DatabaseFaults}, anything else by the first line of its message. Spark's own exceptions
 * carried a 38-frame trace to the user before. Exit code 1, or 2 for a job's usage failure.
 */
final class SparkFailures implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        boolean usage = e instanceof JobException job && job.usage();
        commandLine.getErr().println("flowcast-spark: " + describe(e));
        if (parseResult.originalArgs().contains("--verbose")) {
            e.printStackTrace(commandLine.getErr());
        } else if (!(e instanceof JobException)) {
            commandLine.getErr().println("(run again with --verbose for the stack trace)");
        }
        commandLine.getErr().flush();
        return usage ? 2 : 1;
    }

    static String describe(Exception e) {
        if (e instanceof JobException) {
            return e.getMessage();
        }
        Optional<String> database = DatabaseFaults.inChain(e);
        if (database.isPresent()) {
            return "reading the store through Spark's JDBC source failed: " + database.get();
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
