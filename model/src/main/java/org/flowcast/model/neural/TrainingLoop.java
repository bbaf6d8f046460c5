package org.flowcast.model.neural;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.flowcast.core.MaskedErrorSums;
import org.flowcast.core.Metric;
import org.flowcast.model.ModelFile;
import org.flowcast.model.ModelFile.FloatArray;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.window.Windows;
import org.flowcast.model.window.ZScore;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The one training loop of every neural model: shuffled mini-batches from the seed, Adam with an
 * exponentially decaying learning rate, gradients clipped to a global norm, a guard that stops on a
 * non-finite loss or gradient and keeps the last good weights, validation MAE after every epoch with
 * early stopping and the best weights restored, a checkpoint after every epoch, and resuming from one.
 * The loss is computed here rather than read from {@code sd.fit}, which reports 0/NaN in ND4J M2.1.
 */
final class TrainingLoop {
    private static final int EVAL_BATCH = 256;

    private final CompiledModel model;
    private final TrainingConfig config;
    private final TrainingListener listener;
    private final Optional<Path> checkpoint;
    private final String fingerprint;
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private final Map<String, INDArray> updaterState = new LinkedHashMap<>();

    /** What training ended with. */
    record Outcome(int epochs, double bestValidationMae, int bestEpoch, String stopReason) {
    }

    TrainingLoop(CompiledModel model, TrainingConfig config, TrainingListener listener, Optional<Path> checkpoint, String fingerprint) {
        this.model = model;
        this.config = config;
        this.listener = listener;
        this.checkpoint = checkpoint;
        this.fingerprint = fingerprint;
        QuietStdout.run(model.sd::createGradFunction);
        Adam adam = new Adam(new ExponentialSchedule(ScheduleType.EPOCH, config.learningRate(), config.learningRateDecay()));
        for (String name : model.parameters) {
            long size = model.parameter(name).length();
            INDArray state = Nd4j.zeros(model.parameter(name).dataType(), 1, adam.stateSize(size));
            updaterState.put(name, state);
            updaters.put(name, adam.instantiate(state, true));
        }
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
        int iteration = start * batches(train);
        String stopReason = "reached " + config.maxEpochs() + " epochs";
        int epoch = start;
        for (; epoch < config.maxEpochs(); epoch++) {
            long epochStart = System.nanoTime();
            int[] order = shuffled(train.count, config.seed() * 1_000_003L + epoch);
            int batches = batches(train);
            listener.epochStarted(epoch, config.maxEpochs(), batches);
            double lossSum = 0;
            Map<String, FloatArray> lastGood = model.weights();
            for (int b = 0; b < batches; b++) {
                int from = b * config.batchSize();
                int to = Math.min(train.count, from + config.batchSize());
                Map<String, INDArray> feed = Batch.of(train, order, from, to, true);
                OutAndGrad result = model.sd.calculateGradientsAndOutputs(feed, java.util.List.of(CompiledModel.LOSS), model.parameters);
                double loss = result.getOutputs().get(CompiledModel.LOSS).getDouble(0);
                Map<String, INDArray> gradients = result.getGradients();
                double norm = globalNorm(gradients);
                if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
                    model.setWeights(bestEpoch >= 0 ? bestWeights : lastGood);
                    String reason = "stopped: the " + (Double.isFinite(loss) ? "gradient" : "loss") + " became non-finite ("
                            + (Double.isFinite(loss) ? "norm " + norm : "loss " + loss) + ") in epoch " + (epoch + 1) + ", batch "
                            + (b + 1) + "; kept the last good weights. A lower learning rate usually helps.";
                    listener.message(reason);
                    return new Outcome(epoch, best, bestEpoch, reason);
                }
                double scale = norm > config.clipNorm() ? config.clipNorm() / norm : 1.0;
                for (String name : model.parameters) {
                    INDArray gradient = gradients.get(name);
                    if (gradient == null) {
                        continue;
                    }
                    if (scale != 1.0) {
                        gradient.muli(scale);
                    }
                    updaters.get(name).applyUpdater(gradient, iteration, epoch);
                    model.parameter(name).subi(gradient);
                }
                iteration++;
                lossSum += loss;
                Nd4jSettings.collectIfNeeded();
                listener.batchFinished(epoch, b, loss);
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
            listener.epochFinished(new EpochReport(epoch, lossSum / batches, validationMae, train.count / seconds, seconds, improved,
                    config.learningRate() * Math.pow(config.learningRateDecay(), epoch)));
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

    private static double globalNorm(Map<String, INDArray> gradients) {
        double sum = 0;
        for (INDArray g : gradients.values()) {
            double n = g.norm2Number().doubleValue();
            sum += n * n;
        }
        return Math.sqrt(sum);
    }

    /** Masked MAE in original units over the validation windows, as the metrics compute it. */
    double validationMae(Windows validation, ZScore scaler) {
        MaskedErrorSums sums = new MaskedErrorSums();
        for (int from = 0; from < validation.count; from += EVAL_BATCH) {
            int to = Math.min(validation.count, from + EVAL_BATCH);
            INDArray predicted = model.sd.output(Batch.of(validation, null, from, to, false), model.prediction).get(model.prediction);
            float[] values = predicted.castTo(DataType.FLOAT).dup('c').data().asFloat();
            Nd4jSettings.collectIfNeeded();
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
        updaterState.forEach((k, v) -> arrays.put("adam/" + k, new FloatArray(v.shape(), v.castTo(DataType.FLOAT).dup('c').data().asFloat())));
        ModelFile.write(file, manifest, arrays);
    }

    private Resumed resume(Path file) throws IOException {
        ModelFile.Contents contents = ModelFile.read(file);
        if (!"checkpoint".equals(contents.manifest().path("kind").asText())
                || !fingerprint.equals(contents.manifest().path("fingerprint").asText())) {
            throw new org.flowcast.model.ModelFileException(file + ": this checkpoint belongs to another model, data range or "
                    + "configuration; delete it to start afresh");
        }
        Map<String, FloatArray> current = new HashMap<>();
        Map<String, FloatArray> best = new HashMap<>();
        contents.arrays().forEach((k, v) -> {
            if (k.startsWith("current/")) {
                current.put(k.substring(8), v);
            } else if (k.startsWith("best/")) {
                best.put(k.substring(5), v);
            } else if (k.startsWith("adam/")) {
                INDArray state = updaterState.get(k.substring(5));
                if (state != null) {
                    state.assign(Nd4j.create(v.values(), v.shape(), 'c').castTo(state.dataType()));
                }
            }
        });
        model.setWeights(current);
        return new Resumed(contents.manifest().path("nextEpoch").asInt(), contents.manifest().path("bestValidationMae").asDouble(),
                contents.manifest().path("bestEpoch").asInt(), contents.manifest().path("epochsSinceBest").asInt(), best);
    }
}
