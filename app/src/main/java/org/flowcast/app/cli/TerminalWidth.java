package org.flowcast.app.cli;

import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * How many characters a line of the terminal holds, for tables that should fit it: {@code $COLUMNS} where set, else the
 * terminal's own width where a person watches ({@value #UNKNOWN} where it does not say), else no limit: output to a file
 * or pipe is read by programs and wider windows, and a line cut in two there only hinders.
 */
final class TerminalWidth {
    static final int UNLIMITED = Integer.MAX_VALUE / 2;
    private static final int UNKNOWN = 120;

    private TerminalWidth() {
    }

    static int columns() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Integer.parseInt(columns);
        }
        if (!Progress.interactive()) {
            return UNLIMITED;
        }
        // the progress bar's own library already reads the terminal this way; a dumb terminal answers 0
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            return terminal.getWidth() > 0 ? terminal.getWidth() : UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }
}
