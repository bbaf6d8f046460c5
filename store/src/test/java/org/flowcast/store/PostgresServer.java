package org.flowcast.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests: a fresh cluster in a temporary folder on a free loopback
 * port, started with the server programs of Debian's {@code postgresql} package ({@code .ci/run}
 * installs it) and removed on close. As root the cluster runs as the {@code postgres} user, since
 * PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {
    private final Path folder;
    private final Path bin;
    private final boolean asPostgresUser;
    private final int port;

    private PostgresServer(Path folder, Path bin, boolean asPostgresUser, int port) {
        this.folder = folder;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
    }

    /** Starts a server, or says why none could be started. */
    public static Result start() {
        Optional<Path> bin = serverPrograms();
        if (bin.isEmpty()) {
            return new Result(null, "no PostgreSQL server programs (initdb, pg_ctl) found; install them with "
                    + "'apt-get install postgresql' (.ci/run does)");
        }
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path folder = Files.createTempDirectory("flowcast-pg");
            if (root) {
                run(List.of("chown", "postgres", folder.toString()), false, null);
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            PostgresServer server = new PostgresServer(folder, bin.get(), root, port);
            server.pg("initdb", "-D", folder.resolve("data").toString(), "-A", "trust", "-U", "flowcast", "-E", "UTF8", "--no-sync");
            server.pg("pg_ctl", "-D", folder.resolve("data").toString(), "-l", folder.resolve("server.log").toString(), "-w", "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -k " + folder + " -c fsync=off", "start");
            return new Result(server, "");
        } catch (IOException | RuntimeException e) {
            return new Result(null, "PostgreSQL could not be started: " + e.getMessage());
        }
    }

    /** A started server, or the reason there is none. */
    public record Result(PostgresServer server, String problem) {
        public boolean started() {
            return server != null;
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=flowcast";
    }

    @Override
    public void close() {
        try {
            pg("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | RuntimeException e) {
            // the temporary folder goes anyway
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private void pg(String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(program).toString());
        command.addAll(Arrays.asList(args));
        run(command, asPostgresUser, folder);
    }

    private static void run(List<String> command, boolean asPostgres, Path workdir) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        if (workdir != null) {
            builder.directory(workdir.toFile());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Optional<Path> serverPrograms() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir);
            if (!dir.isEmpty() && Files.isExecutable(candidate.resolve("initdb")) && Files.isExecutable(candidate.resolve("pg_ctl"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
