package org.flowcast.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Adaptive conformal inference (ACI) for one corridor's model in live operation: I. Gibbs and E. Candès, "Adaptive
 * Conformal Inference Under Distribution Shift", NeurIPS 2021 (arXiv:2106.00170). It keeps a model's 80% and 95%
 * intervals near their nominal coverage when errors drift, where the split-conformal half-widths fixed at training
 * ({@link ConformalIntervals}) do not.
 *
 * <p>For each nominal level (those of the model's calibration) and each horizon step h = 1..H it holds α_t, starting at
 * 1 − level, and for each step a window of the most recent nonconformity scores |y − ŷ| of that step, pooled over the
 * corridor's stations ({@link ScoreWindow}, sized by {@link AdaptiveIntervalSettings}). The half-width in force at a
 * step is the window's empirical (1 − α_t)-quantile, the ⌈(1 − α_t)·n⌉-th smallest of its n scores: 0 where α_t ≥ 1
 * (the paper's empty set), and the window's largest score where α_t ≤ 0 (the paper's whole line, capped at the largest
 * error of the window). Until a step's window holds {@code minimumOrigins × stationCount} scores, the model's
 * split-conformal half-width of that step is in force instead; α_t is updated from the first observation all the same.
 *
 * <p>{@link #observe} takes one origin's step-h forecasts of every station, the flows then observed, and the interval
 * that was issued with those forecasts (the half-widths in force when the forecast was made, h origins earlier, not
 * those in force now). For each level, with n the stations whose observed flow counts ({@link Metric#counts}: finite
 * and not 0, as in calibration), whose forecast is finite and whose issued bounds are not NaN,
 * <pre>
 *   err_t   = (stations of those n whose observed flow lies outside [lower, upper]) / n
 *   α_{t+1} = α_t + γ (α − err_t),        α = 1 − level,
 * </pre>
 * the paper's update with its miss indicator replaced by the share of stations missed, which is the average of the
 * stations' own updates. No station counted, no update. An h-step forecast is scored h origins after it was issued, so
 * up to h updates of a step are outstanding when one arrives; α_t is kept within [−hγ, 1 + hγ], the range the paper's
 * rule itself keeps it in with feedback h origins late, since an interval issued at α_t ≤ 0 is the whole line and
 * misses nothing. Here it is capped, so the clamp binds only when an observation falls beyond the window's largest
 * score (or exactly on an empty interval), and it stops such misses from holding the interval at its cap long after a
 * shift. While it does not bind, the update telescopes over any run of T updates of a step into the paper's coverage
 * bound: {@code mean(err_t) = α − (α_{T+1} − α_1) / (γT)}, within {@code (1 + 2hγ) / (γT)} of α.
 *
 * <p>In the live loop, when the flows of time T arrive: for each step h, {@link #observe} the forecast issued from
 * origin T − h (with the intervals it was issued with) against them, once; then forecast from T with the intervals of
 * {@link #current}, and keep {@link #toBytes} (a new model, with its own calibration, starts a new state). Steps are
 * independent: each has its own α_t and window, so the order of observations across steps does not matter, only
 * within a step. The same observations in the same order give bit-identical state, and {@link #toBytes}
 * then {@link #fromBytes} give one that behaves identically. Not thread-safe.
 */
public final class AdaptiveIntervals {
    /** The most scores one step's window may keep (16 MB of floats, twice): 2,080 stations for a week of origins. */
    static final int MAX_WINDOW_SCORES = 1 << 22;

    private final List<ConformalIntervals> calibration;
    private final int stationCount;
    private final AdaptiveIntervalSettings settings;
    private final double[][] alpha;
    private final ScoreWindow[] windows;

    AdaptiveIntervals(List<ConformalIntervals> calibration, int stationCount, AdaptiveIntervalSettings settings,
                      double[][] alpha, ScoreWindow[] windows) {
        this.calibration = List.copyOf(calibration);
        this.stationCount = stationCount;
        this.settings = settings;
        this.alpha = alpha;
        this.windows = windows;
    }

    /** The state before any observation, with the default settings. */
    public static AdaptiveIntervals start(List<ConformalIntervals> calibration, int stationCount) {
        return start(calibration, stationCount, AdaptiveIntervalSettings.DEFAULT);
    }

    /**
     * The state before any observation: α_t = 1 − level at every level and step, empty windows.
     *
     * @param calibration  the model's split-conformal intervals, one per level, all of the model's horizon: the levels
     *                     adapted, and the half-widths in force until a step's window is full enough
     * @param stationCount the corridor's stations, in the order of every forecast and observation given later
     */
    public static AdaptiveIntervals start(List<ConformalIntervals> calibration, int stationCount,
                                          AdaptiveIntervalSettings settings) {
        List<ConformalIntervals> copies = checkedCalibration(calibration);
        int steps = copies.get(0).halfWidth().length;
        double[][] alpha = new double[copies.size()][steps];
        for (int l = 0; l < alpha.length; l++) {
            Arrays.fill(alpha[l], 1 - copies.get(l).level());
        }
        long capacity = windowCapacity(settings, stationCount);
        ScoreWindow[] windows = new ScoreWindow[steps];
        for (int h = 0; h < steps; h++) {
            windows[h] = new ScoreWindow((int) capacity);
        }
        return new AdaptiveIntervals(copies, stationCount, settings, alpha, windows);
    }

    /** The state {@link #toBytes} wrote; a damaged, truncated or foreign blob is refused with an IllegalArgumentException. */
    public static AdaptiveIntervals fromBytes(byte[] blob) {
        return AdaptiveIntervalsFormat.read(blob);
    }

    /** The state as a compact, versioned, little-endian blob with a checksum, for the store between restarts. */
    public byte[] toBytes() {
        return AdaptiveIntervalsFormat.write(this);
    }

    /**
     * The state without its windows' scores: α_t, the calibration and the settings, a few hundred bytes where the whole
     * state of a week's window is megabytes. For a store that keeps the forecasts and flows the scores come from, and
     * gives them back through {@link #restoreScores} after {@link #fromBytes}.
     */
    public byte[] toBytesWithoutScores() {
        ScoreWindow[] empty = new ScoreWindow[windows.length];
        for (int h = 0; h < empty.length; h++) {
            empty[h] = new ScoreWindow((int) windowCapacity(settings, stationCount));
        }
        return AdaptiveIntervalsFormat.write(new AdaptiveIntervals(calibration, stationCount, settings, alpha, empty));
    }

    /**
     * Puts one origin's scores at a 1-based step back into its window, as {@link #observe} put them there, without moving
     * α_t: to rebuild a state kept by {@link #toBytesWithoutScores}, give the origins of each step in the order they were
     * observed (at least the newest {@code windowOrigins} of them; older ones leave the window as they did then).
     */
    public void restoreScores(int step, float[] forecast, float[] observed) {
        checkStep(step);
        checkStations("forecast", forecast);
        checkStations("observed", observed);
        float[] scores = new float[stationCount];
        int scored = 0;
        for (int s = 0; s < stationCount; s++) {
            if (Metric.counts(observed[s]) && Float.isFinite(forecast[s])) {
                scores[scored++] = Math.abs(observed[s] - forecast[s]);
            }
        }
        windows[step - 1].add(scores, scored);
    }

    /**
     * Scores one origin's forecasts at 1-based step {@code step} against the flows observed at their target time, with
     * the intervals the forecast carries at every adapted level (as issued: its bounds are what is checked).
     *
     * @param observed the observed flows of every station, NaN where missing or not to be scored (imputed)
     */
    public void observe(Forecast issued, int step, float[] observed) {
        checkStep(step);
        if (issued.horizonSteps() < step) {
            throw new IllegalArgumentException("the forecast stops at step " + issued.horizonSteps() + ", before " + step);
        }
        if (issued.stationCount() != stationCount) {
            throw new IllegalArgumentException("the forecast has " + issued.stationCount() + " stations, the state "
                    + stationCount);
        }
        float[] forecast = new float[stationCount];
        float[][] lower = new float[calibration.size()][stationCount];
        float[][] upper = new float[calibration.size()][stationCount];
        for (int s = 0; s < stationCount; s++) {
            forecast[s] = issued.value(step, s);
        }
        for (int l = 0; l < calibration.size(); l++) {
            double level = calibration.get(l).level();
            PredictionInterval interval = issued.interval(level).orElseThrow(() -> new IllegalArgumentException(
                    "the forecast carries no " + percent(level) + " interval: ACI scores the interval that was issued"));
            for (int s = 0; s < stationCount; s++) {
                lower[l][s] = interval.lower(step, s);
                upper[l][s] = interval.upper(step, s);
            }
        }
        update(step, forecast, observed, lower, upper);
    }

    /**
     * Scores one origin's forecasts at 1-based step {@code step} against the flows observed at their target time, with
     * the half-widths that were in force when the forecast was made (one per adapted level, as {@link #current} gave
     * them then); the bounds are made from them as {@link ConformalIntervals#lower} and {@code upper} make them.
     *
     * @param forecast the step's forecast of every station
     * @param observed the observed flows of every station, NaN where missing or not to be scored (imputed)
     */
    public void observe(int step, float[] forecast, float[] observed, List<ConformalIntervals> issued) {
        checkStep(step);
        checkStations("forecast", forecast);
        float[][] lower = new float[calibration.size()][stationCount];
        float[][] upper = new float[calibration.size()][stationCount];
        for (int l = 0; l < calibration.size(); l++) {
            double level = calibration.get(l).level();
            ConformalIntervals used = atLevel(issued, level).orElseThrow(() -> new IllegalArgumentException(
                    "no issued half-widths at the adapted level " + percent(level)));
            if (used.halfWidth().length < step) {
                throw new IllegalArgumentException("the issued half-widths stop before step " + step);
            }
            for (int s = 0; s < stationCount; s++) {
                lower[l][s] = used.lower(forecast[s], step);
                upper[l][s] = used.upper(forecast[s], step);
            }
        }
        update(step, forecast, observed, lower, upper);
    }

    /** The half-widths in force now, one entry per adapted level in the calibration's order, for intervals as today. */
    public List<ConformalIntervals> current() {
        List<ConformalIntervals> intervals = new ArrayList<>(calibration.size());
        for (int l = 0; l < calibration.size(); l++) {
            double[] halfWidth = new double[horizonSteps()];
            for (int h = 1; h <= halfWidth.length; h++) {
                halfWidth[h - 1] = halfWidth(l, h);
            }
            intervals.add(new ConformalIntervals(calibration.get(l).level(), halfWidth));
        }
        return intervals;
    }

    /** α_t now at a level and 1-based step. */
    public double alpha(double level, int step) {
        checkStep(step);
        return alpha[levelIndex(level)][step - 1];
    }

    /** How many scores the window of a 1-based step holds. */
    public int scoreCount(int step) {
        checkStep(step);
        return windows[step - 1].size();
    }

    /** Whether the window of a 1-based step holds as many scores as it may keep (older ones now leave as new ones come). */
    public boolean windowFull(int step) {
        checkStep(step);
        return windows[step - 1].size() == windows[step - 1].capacity();
    }

    /** Whether a step's half-widths come from its window (true) or still from the calibration. */
    public boolean adapted(int step) {
        checkStep(step);
        return windows[step - 1].size() >= minimumScores();
    }

    /** The model's split-conformal intervals this state started from. */
    public List<ConformalIntervals> calibration() {
        List<ConformalIntervals> copies = new ArrayList<>(calibration.size());
        for (ConformalIntervals c : calibration) {
            copies.add(new ConformalIntervals(c.level(), c.halfWidth().clone()));
        }
        return copies;
    }

    public int stationCount() {
        return stationCount;
    }

    public int horizonSteps() {
        return windows.length;
    }

    public AdaptiveIntervalSettings settings() {
        return settings;
    }

    /** The blob's view of α_t: {@code [level][step - 1]}, not copied. */
    double[][] alphas() {
        return alpha;
    }

    ScoreWindow window(int step) {
        return windows[step - 1];
    }

    /** The capacity of each step's window; refuses settings whose windows would not fit an array. */
    static long windowCapacity(AdaptiveIntervalSettings settings, int stationCount) {
        if (stationCount < 1) {
            throw new IllegalArgumentException("a corridor needs at least one station, was " + stationCount);
        }
        long capacity = (long) settings.windowOrigins() * stationCount;
        if (capacity > MAX_WINDOW_SCORES) {
            throw new IllegalArgumentException("a window of " + settings.windowOrigins() + " origins of " + stationCount
                    + " stations exceeds " + MAX_WINDOW_SCORES + " scores");
        }
        return capacity;
    }

    /** Copies of the calibration, checked: at least one level, each between 0 and 1 and given once, one horizon. */
    static List<ConformalIntervals> checkedCalibration(List<ConformalIntervals> calibration) {
        if (calibration.isEmpty()) {
            throw new IllegalArgumentException("adaptive intervals need the model's calibration at one level at least");
        }
        int steps = calibration.get(0).halfWidth().length;
        List<ConformalIntervals> copies = new ArrayList<>();
        for (ConformalIntervals c : calibration) {
            if (!(c.level() > 0 && c.level() < 1)) {
                throw new IllegalArgumentException("a level must lie strictly between 0 and 1, was " + c.level());
            }
            if (c.halfWidth().length != steps || steps == 0) {
                throw new IllegalArgumentException("every level's calibration needs the same, non-zero number of steps");
            }
            if (atLevel(copies, c.level()).isPresent()) {
                throw new IllegalArgumentException("the level " + c.level() + " is calibrated twice");
            }
            copies.add(new ConformalIntervals(c.level(), c.halfWidth().clone()));
        }
        return copies;
    }

    private void update(int step, float[] forecast, float[] observed, float[][] lower, float[][] upper) {
        checkStations("observed", observed);
        float[] scores = new float[stationCount];
        int scored = 0;
        int[] counted = new int[calibration.size()];
        int[] missed = new int[calibration.size()];
        for (int s = 0; s < stationCount; s++) {
            float y = observed[s];
            if (!Metric.counts(y) || !Float.isFinite(forecast[s])) {
                continue;
            }
            scores[scored++] = Math.abs(y - forecast[s]);
            for (int l = 0; l < counted.length; l++) {
                // a NaN bound is no interval issued (a step the calibration had no residuals for): nothing to score
                if (Float.isNaN(lower[l][s]) || Float.isNaN(upper[l][s])) {
                    continue;
                }
                counted[l]++;
                if (y < lower[l][s] || y > upper[l][s]) {
                    missed[l]++;
                }
            }
        }
        windows[step - 1].add(scores, scored);
        double gamma = settings.stepSize();
        for (int l = 0; l < counted.length; l++) {
            if (counted[l] == 0) {
                continue;
            }
            double err = (double) missed[l] / counted[l];
            double next = alpha[l][step - 1] + gamma * ((1 - calibration.get(l).level()) - err);
            alpha[l][step - 1] = Math.max(-step * gamma, Math.min(1 + step * gamma, next));
        }
    }

    private double halfWidth(int level, int step) {
        if (!adapted(step)) {
            return calibration.get(level).halfWidth()[step - 1];
        }
        return windows[step - 1].quantile(1 - alpha[level][step - 1]);
    }

    private long minimumScores() {
        return (long) settings.minimumOrigins() * stationCount;
    }

    private int levelIndex(double level) {
        for (int l = 0; l < calibration.size(); l++) {
            if (Math.abs(calibration.get(l).level() - level) < 1e-9) {
                return l;
            }
        }
        throw new IllegalArgumentException("the level " + level + " is not adapted");
    }

    private static Optional<ConformalIntervals> atLevel(List<ConformalIntervals> intervals, double level) {
        return intervals.stream().filter(i -> Math.abs(i.level() - level) < 1e-9).findFirst();
    }

    private void checkStep(int step) {
        if (step < 1 || step > horizonSteps()) {
            throw new IllegalArgumentException("step " + step + " is outside 1.." + horizonSteps());
        }
    }

    private void checkStations(String what, float[] values) {
        if (values.length != stationCount) {
            throw new IllegalArgumentException(what + " has " + values.length + " stations, the state " + stationCount);
        }
    }

    private static String percent(double level) {
        long tenths = Math.round(level * 1000);
        return (tenths % 10 == 0 ? String.valueOf(tenths / 10) : String.valueOf(tenths / 10.0)) + "%";
    }
}
