package org.flowcast.jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The PyTorch reference ({@code ../shared/reference/torch_ref.py}) run as a subprocess on the same protocol, and
 * its JSON read back: the yardstick a side-by-side speed comparison measures Flowcast against.
 */
public final class PyTorchReference {
    /** How to install what the reference needs on Debian (without libopenblas0-pthread torch multiplies 20-40x slower). */
    public static final String INSTALL = "apt-get install -y python3-torch python3-numpy libopenblas0-pthread";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path python;
    private final Path script;
    private Optional<String> unavailable;

    public PyTorchReference(Path python, Path script) {
        this.python = python;
        this.script = script;
    }

    /**
     * One model's training as the reference measured it: training windows, epochs run, each epoch's training seconds and
     * their median, windows per second of the median epoch, the pooled test MAE; its environment block is kept apart.
     */
    public record Run(String model, int trainWindows, int epochs, List<Double> epochSeconds, double medianEpochSeconds,
                      double samplesPerSecond, double maeAverage, @JsonIgnore JsonNode environment) {
        public Run {
            epochSeconds = List.copyOf(epochSeconds);
        }
    }

    /**
     * Why the reference cannot run here (no such python, no torch module for it, no script), or empty when it can;
     * python is asked once.
     */
    public synchronized Optional<String> unavailable() {
        if (unavailable == null) {
            unavailable = check();
        }
        return unavailable;
    }

    private Optional<String> check() {
        String install = "; install with `" + INSTALL + "`";
        if (!Files.isExecutable(python)) {
            return Optional.of(python + " is not an executable python (give --python)" + install);
        }
        if (!Files.isRegularFile(script)) {
            return Optional.of("the reference script " + script + " is missing (give --reference)");
        }
        try {
            Process process = new ProcessBuilder(python.toString(), "-c", "import torch, numpy").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(python + " took over 2 minutes to import torch");
            }
            return process.exitValue() == 0 ? Optional.empty() : Optional.of(python + " has no torch module" + install);
        } catch (IOException e) {
            return Optional.of(python + " did not start (" + e.getMessage() + ")" + install);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking " + python + " for torch");
        }
    }

    /**
     * Trains one model with the reference ({@code a --horizon H --models M --max-epochs E --patience P --seed S}), its
     * output lines passed to {@code log}, and reads the figures back from {@code out}.
     */
    public Run train(String model, int horizon, int maxEpochs, int patience, long seed, Path out, Consumer<String> log)
            throws JobException {
        List<String> command = List.of(python.toString(), script.toString(), "a", "--horizon", String.valueOf(horizon), "--models", model,
                "--max-epochs", String.valueOf(maxEpochs), "--patience", String.valueOf(patience), "--seed", String.valueOf(seed),
                "--out", out.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // libgomp's spin-wait made 2-thread training 10-25x slower whenever another process shared the cores
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        // the launcher's OMP_NUM_THREADS=1 (for Flowcast's native code) held torch to one thread despite its --threads 2
        builder.environment().remove("OMP_NUM_THREADS");
        List<String> tail = new ArrayList<>();
        try {
            Process process = builder.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    log.accept(line);
                    tail.add(line);
                    if (tail.size() > 5) {
                        tail.remove(0);
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new JobException("the PyTorch reference failed (exit " + exit + ") on " + model + ": "
                        + String.join(" / ", tail));
            }
            return read(out, model);
        } catch (IOException e) {
            throw new JobException("the PyTorch reference could not run " + model + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobException("interrupted while the PyTorch reference trained " + model, e);
        }
    }

    /** One model's figures from a JSON file the reference wrote. */
    public static Run read(Path file, String model) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        JsonNode figures = root.path("models").path(model);
        if (!figures.isObject() || !figures.has("train_samples_per_sec")) {
            throw new IOException(file + " holds no training figures of " + model);
        }
        List<Double> seconds = new ArrayList<>();
        figures.path("history").forEach(epoch -> seconds.add(epoch.path("train_s").asDouble()));
        return new Run(model, figures.path("n_train").asInt(), figures.path("epochs_run").asInt(), seconds,
                figures.path("sec_per_epoch_median").asDouble(), figures.path("train_samples_per_sec").asDouble(),
                figures.path("metrics").path("avg").path("mae").asDouble(Double.NaN), root.path("env"));
    }
}
