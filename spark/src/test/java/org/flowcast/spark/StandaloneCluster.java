package org.flowcast.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on loopback, every part a JVM of its own: Spark's {@code Master}, {@code Worker}s (each of
 * which starts its executors as child JVMs) and {@code SparkSubmit} as the driver, all from Spark's jars of the Maven
 * build rather than a downloaded distribution. Those jars are laid out as a distribution's {@code jars/} folder (links to
 * the test class path without Flowcast's own modules), which is also what a worker puts on its executors' class path:
 * Flowcast's code reaches the driver and the executors only in the application jar. Everything binds to 127.0.0.1
 * ({@code SPARK_LOCAL_IP}). Closing it kills every JVM it started.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(120);

    private final Path folder;
    private final Path sparkHome;
    private final int cores;
    private final String memory;
    private final int masterPort;
    private final int masterUiPort;
    private final ChildJvm master;
    private final List<ChildJvm> workers = new ArrayList<>();

    private StandaloneCluster(Path folder, Path sparkHome, int cores, String memory, int masterPort, int masterUiPort, ChildJvm master) {
        this.folder = folder;
        this.sparkHome = sparkHome;
        this.cores = cores;
        this.memory = memory;
        this.masterPort = masterPort;
        this.masterUiPort = masterUiPort;
        this.master = master;
    }

    /** Starts a master and {@code workers} workers of {@code cores} cores and {@code memory} each, and waits until all are up. */
    static StandaloneCluster start(Path folder, int workers, int cores, String memory) throws Exception {
        Path home = sparkHome(folder.resolve("spark-home"));
        int port = freePort();
        int uiPort = freePort();
        List<String> masterOptions = new ArrayList<>(daemonOptions());
        // its REST submission server would take the fixed port 6066, which another cluster on the machine may hold
        masterOptions.add("-Dspark.master.rest.enabled=false");
        ChildJvm master = ChildJvm.start("master", masterOptions, classPath(home), "org.apache.spark.deploy.master.Master",
                List.of("--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(uiPort)),
                environment(home), folder.resolve("logs/master.log"));
        StandaloneCluster cluster = new StandaloneCluster(folder, home, cores, memory, port, uiPort, master);
        try {
            cluster.awaitMaster(s -> s.contains("\"status\" : \"ALIVE\""), "the master to be up");
            for (int i = 0; i < workers; i++) {
                cluster.workers.add(cluster.startWorker(i));
            }
            cluster.awaitAliveWorkers(workers);
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** Runs {@code SparkSubmit} with these arguments in a JVM of its own: in client mode, the driver. */
    ChildJvm submit(String name, List<String> arguments, Map<String, String> extraEnvironment) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx1g"));
        options.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        Map<String, String> env = new HashMap<>(environment(sparkHome));
        env.putAll(extraEnvironment);
        return ChildJvm.start(name, options, classPath(sparkHome), "org.apache.spark.deploy.SparkSubmit", arguments, env,
                folder.resolve("logs/" + name + ".log"));
    }

    /** Worker {@code i}'s JVM. */
    ChildJvm worker(int i) {
        return workers.get(i);
    }

    /** The temporary folder of worker {@code i}'s executors ({@code java.io.tmpdir}), where each corridor task keeps its scratch folder. */
    Path executorTemp(int i) {
        return folder.resolve("worker-" + i + "/tmp");
    }

    /** Kills worker {@code i} with its executors (SIGKILL, as a lost machine), and waits until the master has seen it go. */
    void killWorker(int i) throws Exception {
        workers.get(i).kill();
        awaitAliveWorkers((int) workers.stream().filter(ChildJvm::isAlive).count());
    }

    /** Starts worker {@code i} again after {@link #killWorker}, and waits until it has registered. */
    void restartWorker(int i) throws Exception {
        if (!workers.get(i).isAlive()) {
            workers.set(i, startWorker(i));
        }
        awaitAliveWorkers(workers.size());
    }

    /** The output of every JVM of the cluster, ends only, and the executors' logs: what to show when a test fails. */
    String logs() {
        StringBuilder out = new StringBuilder("--- master\n").append(master.tail(40)).append('\n');
        for (ChildJvm w : workers) {
            out.append("--- ").append(w.name()).append('\n').append(w.tail(40)).append('\n');
        }
        try (var files = Files.walk(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                List<String> lines = Files.readAllLines(p);
                out.append("--- ").append(folder.relativize(p)).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))).append('\n');
            }
        } catch (IOException e) {
            out.append("(executor logs cannot be read: ").append(e.getMessage()).append(")\n");
        }
        return out.toString();
    }

    @Override
    public void close() {
        workers.forEach(ChildJvm::kill);
        master.kill();
    }

    private ChildJvm startWorker(int i) throws IOException {
        Path home = folder.resolve("worker-" + i);
        Files.createDirectories(home.resolve("tmp"));
        Map<String, String> env = new HashMap<>(environment(sparkHome));
        // the worker's executors inherit its environment: each worker's executors get a temporary folder of their own
        env.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + home.resolve("tmp"));
        return ChildJvm.start("worker-" + i, daemonOptions(), classPath(sparkHome), "org.apache.spark.deploy.worker.Worker",
                List.of("--host", "127.0.0.1", "--cores", String.valueOf(cores), "--memory", memory, "--work-dir",
                        home.resolve("work").toString(), "--webui-port", String.valueOf(freePort()), masterUrl()),
                env, folder.resolve("logs/worker-" + i + ".log"));
    }

    private void awaitAliveWorkers(int count) throws Exception {
        awaitMaster(s -> aliveWorkers(s) == count, count + " alive workers");
    }

    private static int aliveWorkers(String state) {
        Matcher m = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(state);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Polls the master's JSON state until it passes the check. */
    private void awaitMaster(Predicate<String> check, String what) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!master.isAlive()) {
                throw new IllegalStateException("the Spark master ended; its output ends:\n" + master.tail(40));
            }
            try {
                last = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                if (check.test(last)) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new TimeoutException("waited " + START + " for " + what + "; the master says " + last + "\n" + logs());
    }

    /**
     * A Spark home whose {@code jars/} links to the jars of the test class path, Flowcast's own left out (its modules'
     * jars and class folders): the folder a worker puts on its executors' class path.
     */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (name.endsWith(".jar") && !name.startsWith("flowcast-") && Files.isRegularFile(p) && !Files.exists(jars.resolve(name))) {
                Files.createSymbolicLink(jars.resolve(name), p.toAbsolutePath());
            }
        }
        Files.createDirectories(home.resolve("conf"));
        return home;
    }

    private static String classPath(Path home) {
        return home.resolve("conf") + File.pathSeparator + home.resolve("jars") + File.separator + "*";
    }

    private static Map<String, String> environment(Path home) {
        return Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1");
    }

    private static List<String> daemonOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx256m"));
        options.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        return options;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
