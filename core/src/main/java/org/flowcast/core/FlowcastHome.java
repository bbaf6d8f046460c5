package org.flowcast.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * The folder Flowcast keeps its database, models, evaluation runs and sample in: {@code $FLOWCAST_HOME},
 * else {@code $HOME/.flowcast}, else Java's {@code user.home}/.flowcast. Java's {@code user.home} comes
 * from the password file and ignores {@code $HOME}, so a script that sets {@code HOME} to isolate a run
 * would otherwise still write into the real home. A JVM that runs commands in-process (the tests) sets the
 * system property {@value #PROPERTY} instead, since it cannot change its own environment.
 */
public final class FlowcastHome {
    public static final String VARIABLE = "FLOWCAST_HOME";
    /** The system property that wins over the environment, for commands run inside another program's JVM. */
    public static final String PROPERTY = "flowcast.home";

    private FlowcastHome() {
    }

    /** The home of this process. */
    public static Path path() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return of(System.getenv(), System.getProperty("user.home"));
    }

    /** The home given an environment and Java's {@code user.home}. */
    public static Path of(Map<String, String> environment, String userHome) {
        String home = environment.get(VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        String unixHome = environment.get("HOME");
        return Path.of(unixHome != null && !unixHome.isBlank() ? unixHome : userHome, ".flowcast");
    }
}
