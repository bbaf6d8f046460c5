package org.flowcast.app.dashboard.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.flowcast.app.dashboard.data.LiveAccuracy;
import org.flowcast.reports.EvaluationSummary;

/**
 * How the shown corridor's live models are doing: their realised accuracy beside their test accuracy
 * ({@link LiveAccuracyData}), and the corridor's drift mark ({@link DriftRule}; empty where no model drifted).
 */
public final class LiveAccuracyViewModel {
    private final ReadOnlyObjectWrapper<LiveAccuracyData> accuracy = new ReadOnlyObjectWrapper<>(LiveAccuracyData.NONE);
    private final ReadOnlyStringWrapper driftMark = new ReadOnlyStringWrapper("");
    private Map<String, Double> testMae = Map.of();
    private List<LiveAccuracy> shown = List.of();

    LiveAccuracyViewModel() {
    }

    /** The newest evaluation's average test MAE per model, shown beside the realised figures (of the runs shown, at once). */
    void evaluated(Optional<EvaluationSummary> evaluation) {
        Map<String, Double> byModel = new LinkedHashMap<>();
        evaluation.ifPresent(e -> e.models().forEach(m -> byModel.put(m.model(), m.maeAverage())));
        testMae = byModel;
        show(shown);
    }

    /** Shows the live runs of the corridor; the same figures again change nothing. */
    void show(List<LiveAccuracy> live) {
        shown = List.copyOf(live);
        List<LiveAccuracyData.Row> rows = new ArrayList<>();
        for (LiveAccuracy a : live) {
            OptionalDouble excess = DriftRule.excess(a);
            rows.add(new LiveAccuracyData.Row(a.model(), a.runId(), testMae.getOrDefault(a.model(), Double.NaN), a.referenceMae(),
                    a.hour().mae(), a.day().mae(), a.day().coverage80(), a.day().coverage95(),
                    excess.isPresent() ? String.format(Locale.ROOT, "+%.0f%%", 100 * excess.getAsDouble()) : ""));
        }
        LiveAccuracyData data = new LiveAccuracyData(rows);
        if (!data.equals(accuracy.get())) {
            accuracy.set(data);
        }
        driftMark.set(DriftRule.mark(live));
    }

    /** Clears what a corridor shown before showed. */
    void clear() {
        show(List.of());
    }

    public ReadOnlyObjectProperty<LiveAccuracyData> accuracyProperty() {
        return accuracy.getReadOnlyProperty();
    }

    /** The drift of the corridor's live models past the margin, said in a line; empty where none drifted. */
    public ReadOnlyStringProperty driftMarkProperty() {
        return driftMark.getReadOnlyProperty();
    }
}
