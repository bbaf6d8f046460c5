package org.flowcast.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import org.flowcast.model.neural.EpochReport;
import org.flowcast.model.neural.TrainingListener;

/** Shows training as a progress bar per epoch (batches, loss) and one line per finished epoch. */
final class EpochProgress implements TrainingListener {
    private final PrintWriter err;
    private final String model;
    private ProgressBar bar;
    private double lossSum;

    EpochProgress(PrintWriter err, String model) {
        this.err = err;
        this.model = model;
    }

    @Override
    public void epochStarted(int epoch, int maxEpochs, int batches) {
        lossSum = 0;
        bar = Progress.bar(String.format(Locale.ROOT, "%s epoch %d/%d", model, epoch + 1, maxEpochs), batches, "batches");
    }

    @Override
    public void batchFinished(int epoch, int batch, double loss) {
        lossSum += loss;
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", lossSum / (batch + 1)));
        }
    }

    @Override
    public void epochFinished(EpochReport r) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        err.printf(Locale.ROOT, "%s epoch %d: train loss %.4f, validation MAE %.2f, %.0f samples/s, %.1f s%s%n", model, r.epoch() + 1,
                r.trainLoss(), r.validationMae(), r.samplesPerSecond(), r.seconds(), r.best() ? " (best)" : "");
        err.flush();
    }

    @Override
    public void message(String text) {
        err.println(text);
        err.flush();
    }
}
