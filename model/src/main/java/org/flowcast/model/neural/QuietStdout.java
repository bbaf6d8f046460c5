package org.flowcast.model.neural;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs an ND4J call with standard output silenced: {@code SameDiff.createGradFunction} prints a line
 * per differentiated op with {@code System.out}, bypassing logging, which would bury the command's output.
 */
final class QuietStdout {
    private QuietStdout() {
    }

    static synchronized void run(Runnable call) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            call.run();
        } finally {
            System.setOut(original);
        }
    }
}
