package org.flowcast.app.dashboard.viewmodel;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.flowcast.app.dashboard.data.LiveAccuracy;

/**
 * When a live corridor's model has drifted, as {@code flowcast watch} judges it by default: its realised MAE over the last
 * day above its MAE before live operation by more than 20%, once the day is covered whole and has scored enough values
 * to say so ({@link LiveAccuracy#dayWhole}, {@link LiveAccuracy#minimumScored}); never where the MAE before live
 * operation is unknown. A watcher started with
 * another {@code --drift-margin} judges by its own: the store does not hold it.
 */
final class DriftRule {
    /** The share above the error before live operation past which a model has drifted. */
    static final double MARGIN = 0.2;

    private DriftRule() {
    }

    /** How far the day's MAE lies above the reference (0.3: 30%) where the model has drifted; empty where it has not. */
    static OptionalDouble excess(LiveAccuracy live) {
        double reference = live.referenceMae();
        LiveAccuracy.Realised day = live.day();
        if (Double.isNaN(reference) || reference <= 0 || !live.dayWhole() || day.scored() < live.minimumScored()
                || !(day.mae() > reference * (1 + MARGIN))) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(day.mae() / reference - 1);
    }

    /**
     * The mark of a corridor whose live models drifted, e.g. {@code ⚠ drift: linear-ar day MAE 14.50 against 11.00 before
     * live (+32%)}; empty where none did.
     */
    static String mark(List<LiveAccuracy> corridor) {
        StringBuilder text = new StringBuilder();
        for (LiveAccuracy live : corridor) {
            OptionalDouble excess = excess(live);
            if (excess.isPresent()) {
                text.append(text.length() == 0 ? "⚠ drift: " : "; ").append(String.format(Locale.ROOT,
                        "%s day MAE %.2f against %.2f before live (+%.0f%%)", live.model(), live.day().mae(), live.referenceMae(),
                        100 * excess.getAsDouble()));
            }
        }
        return text.toString();
    }
}
