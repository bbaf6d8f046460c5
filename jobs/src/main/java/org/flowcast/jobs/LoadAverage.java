package org.flowcast.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The kernel's load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}): how busy the cores were around a timing. */
public record LoadAverage(double oneMinute, double fiveMinutes, double fifteenMinutes) {
    private static final Path SOURCE = Path.of("/proc/loadavg");

    /** The load now; empty where the system does not say (not Linux). */
    public static Optional<LoadAverage> now() {
        try {
            String[] fields = Files.readString(SOURCE).trim().split("\\s+");
            return Optional.of(new LoadAverage(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                    Double.parseDouble(fields[2])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
