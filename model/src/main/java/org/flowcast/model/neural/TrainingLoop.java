package org.flowcast.model.neural;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.flowcast.core.MaskedErrorSums;
import org.flowcast.core.Metric;
import org.flowcast.model.ModelFile;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.ModelFileException;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.window.Windows;
import org.flowcast.model.window.ZScore;

/**
 * The one training loop of every neural model: shuffled mini-batches from the seed, Adam with an
 * exponentially decaying learning rate, gradients clipped to a global norm, a guard that stops on a
 * non-finite loss or gradient and keeps the last good weights, validation MAE after every epoch with
 * early stopping and the best weights restored, a checkpoint after every epoch, and resuming from one.
 */
final class TrainingLoop {
    private static final int EVAL_BATCH = 256;

    private final CompiledModel model;
    private final TrainingConfig config;
    private final TrainingListener listener;
    private final Optional<Path> checkpoint;
    private final String fingerprint;
    private final Adam adam = new Adam();
    private final WeightAverage average;

    /** What training ended with. */
    record Outcome(int epochs, double bestValidationMae, int bestEpoch, String stopReason) {
    }

    TrainingLoop(CompiledModel model, TrainingConfig config, TrainingListener listener, Optional<Path> checkpoint, String fingerprint) {
        this.model = model;
        this.config = config;
        this.listener = listener;
        this.checkpoint = checkpoint;
        this.fingerprint = fingerprint;
        this.average = new WeightAverage(config.averageDecay());
    }

    Outcome run(Windows train, Windows validation, ZScore scaler) throws IOException {
        int start = 0;
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = -1;
        int sinceBest = 0;
        Map<String, FloatArray> bestWeights = model.weights();
        if (checkpoint.isPresent() && Files.isRegularFile(checkpoint.get())) {
            Resumed resumed = resume(checkpoint.get());
            start = resumed.nextEpoch;
            best = resumed.best;
            bestEpoch = resumed.bestEpoch;
            sinceBest = resumed.sinceBest;
            bestWeights = resumed.bestWeights;
            listener.message("resuming from " + checkpoint.get() + " at epoch " + (start + 1));
        }
        long began = System.nanoTime();
        String stopReason = "reached " + config.maxEpochs() + " epochs";
        int epoch = start;
        for (; epoch < config.maxEpochs(); epoch++) {
            long epochStart = System.nanoTime();
            int[] order = shuffled(train.count, config.seed() * 1_000_003L + epoch);
            int batches = batches(train);
            listener.epochStarted(epoch, config.maxEpochs(), batches);
            double rate = config.learningRate() * Math.pow(config.learningRateDecay(), epoch);
            Map<String, float[]> values = new LinkedHashMap<>();
            model.parameters().forEach((name, p) -> values.put(name, p.value()));
            double lossSum = 0;
            Map<String, FloatArray> lastGood = model.weights();
            for (int b = 0; b < batches; b++) {
                int from = b * config.batchSize();
                int to = Math.min(train.count, from + config.batchSize());
                // Seeded by the optimiser's step count, which a resumed run restores.
                long noiseSeed = config.seed() * 1_000_003L + adam.steps();
                CompiledModel.Gradients result = model.lossAndGradients(Batch.of(train, order, from, to, true), noiseSeed);
                double loss = result.loss();
                Map<String, float[]> gradients = result.byParameter();
                double norm = globalNorm(gradients);
                if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
                    model.setWeights(bestEpoch >= 0 ? bestWeights : lastGood);
                    String reason = "stopped: the " + (Double.isFinite(loss) ? "gradient" : "loss") + " became non-finite ("
                            + (Double.isFinite(loss) ? "norm " + norm : "loss " + loss) + ") in epoch " + (epoch + 1) + ", batch "
                            + (b + 1) + "; kept the last good weights. A lower learning rate usually helps.";
                    listener.message(reason);
                    return new Outcome(epoch, best, bestEpoch, reason);
                }
                float scale = norm > config.clipNorm() ? (float) (config.clipNorm() / norm) : 1f;
                adam.step(values, gradients, rate, scale);
                if (averaging()) {
                    average.update(values, adam.steps());
                }
                lossSum += loss;
                listener.batchFinished(epoch, b, loss);
            }
            double trainingSeconds = (System.nanoTime() - epochStart) / 1e9;
            // Validation, early stopping and the kept weights see the average; training goes on from the last step.
            Map<String, FloatArray> stepWeights = averaging() ? model.weights() : null;
            if (stepWeights != null) {
                model.setWeights(average.weights(stepWeights));
            }
            double validationMae = validationMae(validation, scaler);
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            boolean improved = validationMae < best;
            if (improved) {
                best = validationMae;
                bestEpoch = epoch;
                sinceBest = 0;
                bestWeights = model.weights();
            } else {
                sinceBest++;
            }
            if (stepWeights != null) {
                model.setWeights(stepWeights);
            }
            listener.epochFinished(new EpochReport(epoch, lossSum / batches, validationMae, train.count / trainingSeconds, trainingSeconds,
                    seconds, improved,
                    rate));
            if (checkpoint.isPresent()) {
                saveCheckpoint(checkpoint.get(), epoch + 1, best, bestEpoch, sinceBest, bestWeights);
            }
            if (sinceBest >= config.patience()) {
                stopReason = "early stop: no better validation MAE for " + config.patience() + " epochs";
                epoch++;
                break;
            }
            if (config.timeBudgetSeconds() > 0 && (System.nanoTime() - began) / 1e9 > config.timeBudgetSeconds()) {
                stopReason = "time budget of " + config.timeBudgetSeconds() + " s reached";
                epoch++;
                break;
            }
        }
        model.setWeights(bestWeights);
        return new Outcome(epoch, best, bestEpoch, stopReason);
    }

    private boolean averaging() {
        return config.averageDecay() > 0;
    }

    private int batches(Windows train) {
        return (train.count + config.batchSize() - 1) / config.batchSize();
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    /** The gradients' joint L2 norm: sums over halves of every array on the two threads, added in a fixed order. */
    private static double globalNorm(Map<String, float[]> gradients) {
        List<float[]> arrays = new ArrayList<>(gradients.values());
        double[][] squares = new double[arrays.size()][2];
        TwoThreads.halves(arrays.stream().mapToInt(a -> a.length).toArray(), (k, half, from, to) -> {
            float[] values = arrays.get(k);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += (double) values[i] * values[i];
            }
            squares[k][half] = sum;
        });
        double total = 0;
        for (double[] s : squares) {
            total += s[0] + s[1];
        }
        return Math.sqrt(total);
    }

    /** Masked MAE in original units over the validation windows, as the metrics compute it. */
    double validationMae(Windows validation, ZScore scaler) {
        MaskedErrorSums sums = new MaskedErrorSums();
        for (int from = 0; from < validation.count; from += EVAL_BATCH) {
            int to = Math.min(validation.count, from + EVAL_BATCH);
            float[] values = model.predict(Batch.of(validation, null, from, to, false)).prediction();
            int width = validation.spec.horizon() * validation.stations;
            for (int i = 0; i < values.length; i++) {
                int k = from * width + i;
                if (validation.mask[k] > 0) {
                    sums.add(scaler.unscale(validation.target[k]), scaler.unscale(values[i]));
                }
            }
        }
        return Metric.MAE.of(sums);
    }

    private record Resumed(int nextEpoch, double best, int bestEpoch, int sinceBest, Map<String, FloatArray> bestWeights) {
    }

    private void saveCheckpoint(Path file, int nextEpoch, double best, int bestEpoch, int sinceBest,
                                Map<String, FloatArray> bestWeights) throws IOException {
        ObjectNode manifest = ModelFile.newManifest("checkpoint");
        manifest.put("fingerprint", fingerprint);
        manifest.put("nextEpoch", nextEpoch);
        manifest.put("bestValidationMae", best);
        manifest.put("bestEpoch", bestEpoch);
        manifest.put("epochsSinceBest", sinceBest);
        Map<String, FloatArray> arrays = new LinkedHashMap<>();
        model.weights().forEach((k, v) -> arrays.put("current/" + k, v));
        bestWeights.forEach((k, v) -> arrays.put("best/" + k, v));
        manifest.put("adamSteps", adam.steps());
        adam.state().forEach((k, v) -> arrays.put("adam/" + k, new FloatArray(new long[] {v.length}, v)));
        average.state().forEach((k, v) -> arrays.put("average/" + k, new FloatArray(new long[] {v.length}, v)));
        ModelFile.write(file, manifest, arrays);
    }

    private Resumed resume(Path file) throws IOException {
        ModelFile.Contents contents = ModelFile.read(file);
        if (!"checkpoint".equals(contents.manifest().path("kind").asText())
                || !fingerprint.equals(contents.manifest().path("fingerprint").asText())) {
            throw new ModelFileException(file + ": this checkpoint belongs to another model, data range or "
                    + "configuration; delete it to start afresh");
        }
        Map<String, FloatArray> current = new HashMap<>();
        Map<String, FloatArray> best = new HashMap<>();
        Map<String, float[]> adamState = new LinkedHashMap<>();
        Map<String, float[]> averageState = new LinkedHashMap<>();
        contents.arrays().forEach((k, v) -> {
            if (k.startsWith("current/")) {
                current.put(k.substring(8), v);
            } else if (k.startsWith("best/")) {
                best.put(k.substring(5), v);
            } else if (k.startsWith("adam/")) {
                adamState.put(k.substring(5), v.values());
            } else if (k.startsWith("average/")) {
                averageState.put(k.substring(8), v.values());
            }
        });
        adam.restore(contents.manifest().path("adamSteps").asLong(), adamState);
        average.restore(averageState);
        model.setWeights(current);
        return new Resumed(contents.manifest().path("nextEpoch").asInt(), contents.manifest().path("bestValidationMae").asDouble(),
                contents.manifest().path("bestEpoch").asInt(), contents.manifest().path("epochsSinceBest").asInt(), best);
    }
}
