package org.flowcast.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowcast.model.statistical.HistoricalAverage;
import org.flowcast.model.statistical.Persistence;
import org.flowcast.reports.EvaluationSummary.Rank;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The ranking by average MAE with "by how much": each model's gap to the best, {@code MAE / MAE_best − 1}, and its
 * skill against the naive references persistence and historical average, {@code 1 − MAE / MAE_ref} (the share of the
 * reference's error the model removes: 0 as good, negative worse), where the run holds the reference.
 */
final class RankingRows {
    /** The references skill is measured against, in the order the columns show them. */
    static final List<String> REFERENCES = List.of(Persistence.NAME, HistoricalAverage.NAME);

    private RankingRows() {
    }

    /** How much higher a MAE is than the best one, as a share: MAE / best − 1. */
    static double gap(double mae, double best) {
        return mae / best - 1;
    }

    /** The skill against a reference: 1 − MAE / MAE_ref (NaN where the reference's MAE is not positive). */
    static double skill(double mae, double reference) {
        return reference > 0 ? 1 - mae / reference : Double.NaN;
    }

    /** The average MAE of each reference the run holds, in {@link #REFERENCES} order. */
    static Map<String, Double> references(EvaluationSummary summary) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : REFERENCES) {
            summary.models().stream().filter(m -> m.model().equals(name)).findFirst().ifPresent(m -> out.put(name, m.maeAverage()));
        }
        return out;
    }

    /** The template's ranking: rows, the reference columns, and a sentence naming any reference the run lacks. */
    static Map<String, Object> context(EvaluationSummary summary) {
        Map<String, Double> references = references(summary);
        double best = summary.ranking().isEmpty() ? Double.NaN : summary.ranking().get(0).maeAverage();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Rank r : summary.ranking()) {
            List<Map<String, Object>> skills = references.values().stream()
                    .map(ref -> Map.<String, Object>of("value", Figures.signedPercent(skill(r.maeAverage(), ref)))).toList();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", r.rank());
            row.put("model", r.model());
            row.put("mae", Figures.fixed(r.maeAverage(), 2));
            row.put("gap", r.rank() == 1 ? "best" : Figures.signedPercent(gap(r.maeAverage(), best)));
            row.put("skills", skills);
            row.put("pValue", Figures.pValue(r.pValue()));
            row.put("verdict", r.rank() == 1 ? "best" : Double.isNaN(r.pValue()) ? ReportWriter.UNTESTABLE
                    : r.worseThanBest() ? "significantly worse" : "not significantly worse");
            rows.add(row);
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ranking", rows);
        c.put("hasRanking", !rows.isEmpty());
        c.put("references", references.keySet().stream().map(name -> Map.<String, Object>of("name", name)).toList());
        List<String> missing = REFERENCES.stream().filter(name -> !references.containsKey(name)).toList();
        c.put("missingReferences", missing.isEmpty() ? "" : String.join(" and ", missing) + (missing.size() == 1 ? " was" : " were")
                + " not in this run, so there is no skill against " + (missing.size() == 1 ? "it" : "them") + " (add "
                + String.join(",", missing) + " to --models).");
        return c;
    }

    /** {@code ranking.csv}: rank, model, average MAE, gap to the best and skills as shares, the test against the best. */
    static Table table(EvaluationSummary summary) {
        Map<String, Double> references = references(summary);
        IntColumn rank = IntColumn.create("rank");
        StringColumn model = StringColumn.create("model");
        DoubleColumn mae = DoubleColumn.create("mae");
        DoubleColumn gap = DoubleColumn.create("gap_to_best");
        Map<String, DoubleColumn> skills = new LinkedHashMap<>();
        for (String name : REFERENCES) {
            skills.put(name, DoubleColumn.create("skill_vs_" + name.replace('-', '_')));
        }
        DoubleColumn p = DoubleColumn.create("p_value_vs_best");
        double best = summary.ranking().isEmpty() ? Double.NaN : summary.ranking().get(0).maeAverage();
        for (Rank r : summary.ranking()) {
            rank.append(r.rank());
            model.append(r.model());
            mae.append(r.maeAverage());
            gap.append(gap(r.maeAverage(), best));
            skills.forEach((name, column) -> column.append(Optional.ofNullable(references.get(name))
                    .map(ref -> skill(r.maeAverage(), ref)).orElse(Double.NaN)));
            p.append(r.pValue());
        }
        Table table = Table.create("ranking", rank, model, mae, gap);
        skills.values().forEach(table::addColumns);
        return table.addColumns(p);
    }
}
