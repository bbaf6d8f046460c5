package org.flowcast.store;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;

/**
 * Says in a line what went wrong with the database, whatever layer of the exception chain the cause
 * sits in: another process holding it, a full disk, a read-only database, a server out of reach, a URL
 * setting H2 does not know or cannot use; else the first line of the message and of its root, without
 * the wrapping of Flyway ("Unable to obtain connection ...") or H2's error numbers.
 */
public final class DatabaseFaults {
    private static final Pattern SETTING = Pattern.compile("Unsupported connection setting \"([^\"]*)\"");
    private static final Pattern FLYWAY_PREFIX = Pattern.compile("^Unable to obtain connection from database \\(.*?\\) for user '[^']*': ");
    private static final Pattern H2_CODE = Pattern.compile("\\s*\\[\\d{5}-\\d+]");

    private DatabaseFaults() {
    }

    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String known = known(t);
            if (known != null) {
                return known;
            }
        }
        String first = plain(e.getMessage());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootText = root.getMessage() == null ? null : plain(root.getMessage());
        return root != e && rootText != null && !first.contains(rootText) ? first + " (" + rootText + ")" : first;
    }

    /**
     * {@link #describe} of the first database failure ({@link SQLException}) in an exception's chain, for a caller that
     * holds whatever a library threw around it (Spark's JDBC source); empty where the chain holds none.
     */
    public static Optional<String> inChain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return Optional.of(describe(t));
            }
        }
        return Optional.empty();
    }

    /** A fault named by its H2 error code, PostgreSQL SQL state or message; null where none fits. */
    private static String known(Throwable t) {
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
        if (!(t instanceof SQLException sql)) {
            return null;
        }
        if (sql.getClass().getName().startsWith("org.h2.")) {
            return h2(sql);
        }
        String state = String.valueOf(sql.getSQLState());
        if (state.startsWith("08")) {
            return "cannot reach the database server (" + plain(sql.getMessage()) + "); start it, or check the host and port "
                    + "of the URL";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "the database server refused the user or password of the URL; check them";
        }
        if (state.equals("3D000")) {
            return plain(sql.getMessage()) + "; create it on the server first, or check the database name in the URL";
        }
        return null;
    }

    private static String h2(SQLException sql) {
        switch (sql.getErrorCode()) {
            case ErrorCode.DATABASE_IS_READ_ONLY:
                return "the database is read-only (opened with ACCESS_MODE_DATA=r, or its file or folder cannot be written); "
                        + "open it writable to change it";
            case ErrorCode.DATABASE_NOT_FOUND_1:
            case ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1:
                return "there is no database there (and the URL does not let H2 create one); check the path, or load data "
                        + "with 'flowcast ingest' first";
            case ErrorCode.CONNECTION_BROKEN_1:
                return "cannot reach the H2 server of the URL (" + root(sql) + "); start it, or give a file path instead";
            case ErrorCode.WRONG_PASSWORD_FORMAT:
                return "the URL asks for an encrypted database (CIPHER=) but gives no file password: add "
                        + ";PASSWORD=<file password> <user password> (two words) to the URL, or leave CIPHER out";
            case ErrorCode.WRONG_USER_OR_PASSWORD:
                return "the user or password of the URL is wrong for this database (or the file password of an encrypted one); "
                        + "check them";
            case ErrorCode.UNSUPPORTED_SETTING_1:
                Matcher setting = SETTING.matcher(String.valueOf(sql.getMessage()));
                return "H2 has no setting " + (setting.find() ? setting.group(1) : "of that name") + ": remove it from the URL "
                        + "or check its spelling";
            case ErrorCode.URL_FORMAT_ERROR_2:
                return "H2 cannot read this URL; write jdbc:h2:file:/path/to/flowcast[;SETTING=value...], or give a file path";
            case ErrorCode.FILE_CORRUPTED_1:
            case ErrorCode.FILE_VERSION_ERROR_1:
                return "the database file is not an H2 database of this version, or it is damaged; give the path of a Flowcast "
                        + "database, or a new path for a new one";
            default:
                return null;
        }
    }

    private static String root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return plain(root.getMessage());
    }

    /** The first line of a message, without Flyway's wrapping, H2's error number or the SQL statement H2 quotes. */
    private static String plain(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        text = newline < 0 ? text : text.substring(0, newline);
        text = FLYWAY_PREFIX.matcher(text).replaceFirst("");
        text = H2_CODE.matcher(text).replaceAll("");
        int statement = text.indexOf("; SQL statement:");
        return (statement < 0 ? text : text.substring(0, statement)).strip();
    }
}
