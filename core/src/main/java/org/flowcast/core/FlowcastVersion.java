package org.flowcast.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this Flowcast build, written into model files and reports. */
public final class FlowcastVersion {
    private static final String CURRENT = read();

    private FlowcastVersion() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = FlowcastVersion.class.getResourceAsStream("flowcast-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
