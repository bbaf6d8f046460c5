package org.flowcast.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this Flowcast build and the git commit it was built from (taken at build time;
 * {@code unknown} outside a git checkout, with {@code -dirty} where the checkout had uncommitted
 * changes), written into model files and reports.
 */
public final class FlowcastVersion {
    private static final Properties BUILD = read();

    private FlowcastVersion() {
    }

    public static String current() {
        return value("version");
    }

    /** The commit of the build, e.g. {@code 3b18e35…}, {@code 3b18e35…-dirty} or {@code unknown}. */
    public static String commit() {
        String commit = value("commit");
        return "unknown".equals(commit) || !"true".equals(value("dirty")) ? commit : commit + "-dirty";
    }

    private static String value(String key) {
        String value = BUILD.getProperty(key, "unknown");
        // an unfiltered placeholder: built without the git plugin's properties (no git checkout)
        return value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }

    private static Properties read() {
        Properties properties = new Properties();
        try (InputStream in = FlowcastVersion.class.getResourceAsStream("flowcast-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
