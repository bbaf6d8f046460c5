package org.flowcast.store;

import java.util.Locale;

/**
 * Says in a line what went wrong with the database, whatever layer of the exception chain the cause
 * sits in: another process holding it, a full disk, else the first line of the message and of its root.
 */
public final class DatabaseFaults {
    private DatabaseFaults() {
    }

    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("locked by another process") || message.contains("the file is locked")
                    || message.contains("database may be already in use")) {
                return "another flowcast is using this database; wait for it to finish or close it, then run again";
            }
            if (message.contains("no space left on device") || message.contains("disk full")
                    || message.contains("not enough space")) {
                return "no space left on the device that holds the database; free some space and run again "
                        + "(nothing of this step was kept)";
            }
        }
        String first = firstLine(e.getMessage());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root != e && root.getMessage() != null ? first + " (" + firstLine(root.getMessage()) + ")" : first;
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
