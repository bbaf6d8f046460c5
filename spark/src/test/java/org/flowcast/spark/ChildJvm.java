package org.flowcast.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Java main class run in a JVM of its own (the {@code java} of this JVM), its output in a log file. Stopping it
 * kills its whole process tree with SIGKILL (a Spark worker's executors are its child JVMs), as a lost machine would
 * go; a shutdown hook stops every one still running when the test JVM ends, also after a failure.
 */
final class ChildJvm implements AutoCloseable {
    private static final Set<ChildJvm> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(ChildJvm::kill), "stop child JVMs"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final long started = System.nanoTime();
    private volatile long ended;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} with these JVM options, class path, arguments and extra environment variables, its
     * standard output and error going to {@code log}.
     */
    static ChildJvm start(String name, List<String> jvmOptions, String classPath, String mainClass, List<String> args,
                          Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow(() -> new IOException("the java of this JVM is unknown")));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        ChildJvm jvm = new ChildJvm(name, builder.start(), log);
        RUNNING.add(jvm);
        return jvm;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The JVMs this one started (a worker's executors), alive now. */
    List<ProcessHandle> children() {
        return process.toHandle().descendants().filter(ProcessHandle::isAlive).toList();
    }

    /** Waits for the JVM to end by itself and returns its exit code; kills it (and fails) past the timeout. */
    int waitFor(Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new TimeoutException(name + " did not end within " + timeout + "; its output ends:\n" + tail(60));
        }
        ended = System.nanoTime();
        RUNNING.remove(this);
        return process.exitValue();
    }

    /** Seconds from its start to its end as {@link #waitFor} saw it (or to now). */
    double seconds() {
        return ((ended == 0 ? System.nanoTime() : ended) - started) / 1e9;
    }

    /** Everything the JVM wrote so far. */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(" + log + " cannot be read: " + e.getMessage() + ")";
        }
    }

    /** The last lines of the output, to show with a failure. */
    String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /**
     * SIGKILL to the JVM and every process it started, all at once, then waits until they are gone. The descendants are
     * taken first: a child whose parent died is handed to init and could no longer be found from it.
     */
    void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.toHandle().descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // a process that outlives SIGKILL by 30 s is beyond what a test can do
            }
        }
        RUNNING.remove(this);
    }

    @Override
    public void close() {
        kill();
    }
}
