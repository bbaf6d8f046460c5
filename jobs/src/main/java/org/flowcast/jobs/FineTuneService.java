package org.flowcast.jobs;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.flowcast.core.Channel;
import org.flowcast.core.Forecast;
import org.flowcast.core.ForecastTrainer;
import org.flowcast.core.Forecaster;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.TimeRange;
import org.flowcast.core.ValueState;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.model.FineTuning;
import org.flowcast.model.StoredForecaster;
import org.flowcast.model.TrainingConfig;
import org.flowcast.model.neural.TrainingListener;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StoreException;

/**
 * Fine-tunes a model file on the newest stored data ({@code flowcast train --from-model}, and live operation when a
 * corridor's error drifts): the newest day is held back; the model goes on training on the days before it (79% training,
 * 20% validation, its intervals calibrated again on the validation part); the new model (the challenger)
 * replaces the old (the champion) only if its masked MAE on the held-back day is lower. The swap is atomic: the old file
 * is first kept beside it as {@code NAME.prev-<its hash>}, then the new one is moved over it.
 */
public final class FineTuneService {
    private static final Duration HELD_BACK = Duration.ofDays(1);

    /** What to fine-tune, within what budget, on how many of the newest days, and where to write (empty: champion/challenger in place). */
    public record Request(Path parentFile, TrainingConfig budget, Duration recent, Optional<Path> out) {
    }

    /**
     * What a fine-tune did: the file written (the parent's where it was not replaced), whether the challenger replaced the
     * champion, both models' MAE on the held-back day, the kept parent file, the data trained on, and the seconds it took.
     */
    public record Outcome(Path file, boolean replaced, double parentMae, double challengerMae, Optional<Path> keptParent, TimeRange data,
                          TimeRange heldBack, double seconds) {
    }

    /** The challenger fitted on a series, and both models' MAE on its held-back day. */
    public record Challenge(StoredForecaster challenger, double parentMae, double challengerMae, TimeRange data, TimeRange heldBack) {
    }

    private FineTuneService() {
    }

    public static Outcome fineTune(Workspace workspace, Request request, TrainingListener listener) throws JobException {
        long began = System.nanoTime();
        Forecaster parent = ForecastJob.load(request.parentFile());
        SensorSeries recent;
        try {
            SeriesQuery query = new SeriesQuery(workspace.database());
            TimeRange stored = query.storedRange(parent.stationIds()).orElseThrow(() -> new JobException("the model's stations "
                    + parent.stationIds().subList(0, Math.min(3, parent.stationIds().size())) + "... have no data in this database"));
            Instant from = stored.to().minus(request.recent());
            recent = query.stations(parent.stationIds(), new TimeRange(from.isBefore(stored.from()) ? stored.from() : from, stored.to()));
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
        Challenge challenge = challenge(parent, sha256(request.parentFile()), recent, request.budget(), listener);
        Path target = request.out().orElse(request.parentFile());
        boolean better = challenge.challengerMae() < challenge.parentMae();
        Optional<Path> kept = Optional.empty();
        try {
            if (request.out().isPresent()) {
                challenge.challenger().save(target);
            } else if (better) {
                kept = Optional.of(swap(request.parentFile(), challenge.challenger()));
            }
        } catch (IOException e) {
            throw new JobException("cannot write the fine-tuned model beside " + request.parentFile() + ": " + e.getMessage(), e);
        }
        return new Outcome(target, request.out().isEmpty() && better, challenge.parentMae(), challenge.challengerMae(), kept,
                challenge.data(), challenge.heldBack(), (System.nanoTime() - began) / 1e9);
    }

    /**
     * Fine-tunes {@code parent} on {@code recent} but its last day, and measures both models on that day: the rule of
     * champion and challenger, without files.
     */
    public static Challenge challenge(Forecaster parent, String parentSha256, SensorSeries recent, TrainingConfig budget,
                                      TrainingListener listener) throws JobException {
        Instant heldBackFrom = recent.end().minus(HELD_BACK);
        int lastTrainIndex = recent.indexOf(heldBackFrom);
        if (lastTrainIndex <= 0) {
            throw new JobException("too little recent data to fine-tune: " + recent.length() + " steps, of which a day is held back");
        }
        SensorSeries train = recent.sliceTime(0, lastTrainIndex);
        ForecastTrainer trainer = FineTuning.trainer(parent, budget, listener);
        StoredForecaster challenger;
        try {
            // the protocol's lookback, a week and an hour, as every model was trained and calibrated with
            ChronologicalSplit split = ChronologicalSplit.of(train, EvaluationProtocol.LOOKBACK, parent.horizonSteps(), 0.79, 0.2);
            challenger = FineTuning.withParent(split.fit(trainer), parent, parentSha256);
        } catch (IllegalArgumentException e) {
            throw new JobException("cannot fine-tune " + parent.modelName() + ": " + e.getMessage() + "; give it more recent data");
        }
        List<Instant> origins = new ArrayList<>();
        int horizon = parent.horizonSteps();
        for (int t = Math.max(lastTrainIndex, parent.historySteps() - 1); t + horizon < recent.length(); t++) {
            origins.add(recent.timeAt(t));
        }
        TimeRange heldBack = new TimeRange(heldBackFrom, recent.end());
        return new Challenge(challenger, heldBackMae(parent, recent, origins), heldBackMae(challenger, recent, origins),
                new TimeRange(train.start(), train.end()), heldBack);
    }

    /** Masked MAE over the observed flows of the origins' targets (NaN where none was observed). */
    public static double heldBackMae(Forecaster model, SensorSeries series, List<Instant> origins) {
        double sum = 0;
        long n = 0;
        for (Forecast f : model.predictAll(series, origins)) {
            int t = series.indexOf(f.origin());
            for (int h = 1; h <= f.horizonSteps(); h++) {
                for (int s = 0; s < f.stationCount(); s++) {
                    float y = series.value(t + h, s, Channel.FLOW);
                    if (series.state(t + h, s, Channel.FLOW) == ValueState.OBSERVED && Float.isFinite(y) && y != 0) {
                        sum += Math.abs(y - f.value(h, s));
                        n++;
                    }
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Keeps the champion as {@code NAME.prev-<hash>}, then moves the challenger over it in one step; returns the kept file. */
    private static Path swap(Path champion, StoredForecaster challenger) throws IOException, JobException {
        Path incoming = champion.resolveSibling(champion.getFileName() + ".new");
        challenger.save(incoming);
        Path kept = champion.resolveSibling(champion.getFileName() + ".prev-" + sha256(champion).substring(0, 12));
        Files.copy(champion, kept, StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.move(incoming, champion, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(incoming, champion, StandardCopyOption.REPLACE_EXISTING);
        }
        return kept;
    }

    static String sha256(Path file) throws JobException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new JobException("cannot read the model file " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
