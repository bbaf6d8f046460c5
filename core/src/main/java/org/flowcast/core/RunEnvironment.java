package org.flowcast.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** The machine a model was fitted or a report made on: JVM, operating system, CPU architecture and cores. */
public final class RunEnvironment {
    private RunEnvironment() {
    }

    public static Map<String, String> describe() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version",
                System.getProperty("java.version")));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        environment.put("arch", System.getProperty("os.arch"));
        environment.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        return environment;
    }
}
