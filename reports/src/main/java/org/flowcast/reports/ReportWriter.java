package org.flowcast.reports;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.flowcast.core.Horizon;
import org.flowcast.reports.EvaluationSummary.ModelSummary;
import org.flowcast.reports.EvaluationSummary.Significance;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Writes an evaluation as a self-contained HTML file (inline SVG charts, no scripts), Markdown, CSV
 * tables built with Tablesaw, and {@code run.json}; the same summary always gives the same files.
 */
public final class ReportWriter {
    public static final String RUN_FILE = "run.json";
    /** The verdict of a Diebold–Mariano test that gave no p-value. */
    static final String UNTESTABLE = "not testable";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** Where the files went. */
    public record Written(Path html, Path markdown, Path metricsCsv) {
    }

    public static void saveRun(EvaluationSummary summary, Path folder) throws IOException {
        Files.createDirectories(folder);
        JSON.writeValue(folder.resolve(RUN_FILE).toFile(), summary);
    }

    /** The evaluation run saved in a folder (or its {@code run.json}); see {@link RunFile#read}. */
    public static EvaluationSummary readRun(Path folder) throws IOException {
        return RunFile.read(folder, JSON);
    }

    public Written write(EvaluationSummary summary, Path folder) throws IOException {
        return write(summary, folder, OptionalInt.empty());
    }

    /**
     * Writes the report, its CSV tables ({@code metrics}, {@code stations}, {@code significance}, {@code ranking},
     * {@code intervals}, {@code against-best}) and the station × step table ({@code station-steps.csv} and
     * {@code .json}); with a {@code target} station, the report opens with that station's step table.
     */
    public Written write(EvaluationSummary summary, Path folder, OptionalInt target) throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> context = context(summary);
        if (target.isPresent()) {
            context.put("target", targetSection(summary, target.getAsInt()));
        }
        Path html = folder.resolve("report.html");
        Path markdown = folder.resolve("report.md");
        Files.writeString(html, template("report.html.mustache", true).execute(context), StandardCharsets.UTF_8);
        Files.writeString(markdown, template("report.md.mustache", false).execute(context), StandardCharsets.UTF_8);
        Path metrics = folder.resolve("metrics.csv");
        metricsTable(summary).write().csv(metrics.toFile());
        stationTable(summary).write().csv(folder.resolve("stations.csv").toFile());
        significanceTable(summary).write().csv(folder.resolve("significance.csv").toFile());
        stationStepTable(summary).write().csv(folder.resolve("station-steps.csv").toFile());
        RankingRows.table(summary).write().csv(folder.resolve("ranking.csv").toFile());
        IntervalRows.table(summary).write().csv(folder.resolve("intervals.csv").toFile());
        SignificanceMatrix.table(summary).write().csv(folder.resolve("against-best.csv").toFile());
        JSON.writeValue(folder.resolve("station-steps.json").toFile(), stationSteps(summary));
        return new Written(html, markdown, metrics);
    }

    /** One model's errors at one station, step by step: the rows of {@code station-steps.json}. */
    public record StationStepRow(String model, int station, double[] mae, double[] rmse, double[] mape, long[] count) {
    }

    static List<StationStepRow> stationSteps(EvaluationSummary summary) {
        List<StationStepRow> rows = new ArrayList<>();
        for (ModelSummary m : summary.models()) {
            m.stationSteps().forEach((id, steps) -> rows.add(new StationStepRow(m.model(), id, steps.mae(), steps.rmse(), steps.mape(),
                    steps.count())));
        }
        return rows;
    }

    static Table stationStepTable(EvaluationSummary summary) {
        StringColumn model = StringColumn.create("model");
        IntColumn station = IntColumn.create("station");
        IntColumn step = IntColumn.create("step");
        DoubleColumn mae = DoubleColumn.create("mae");
        DoubleColumn rmse = DoubleColumn.create("rmse");
        DoubleColumn mape = DoubleColumn.create("mape_percent");
        LongColumn count = LongColumn.create("count");
        for (StationStepRow row : stationSteps(summary)) {
            for (int h = 0; h < row.mae().length; h++) {
                model.append(row.model());
                station.append(row.station());
                step.append(h + 1);
                mae.append(row.mae()[h]);
                rmse.append(row.rmse()[h]);
                mape.append(row.mape()[h]);
                count.append(row.count()[h]);
            }
        }
        return Table.create("station-steps", model, station, step, mae, rmse, mape, count);
    }

    /** The target station's table: each model's MAE / RMSE / MAPE at every reported step. */
    private static Map<String, Object> targetSection(EvaluationSummary summary, int station) {
        int[] steps = Horizon.reportedSteps(summary.protocol().horizon());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelSummary m : summary.models()) {
            EvaluationSummary.StationSteps s = m.stationSteps().get(station);
            if (s == null) {
                continue;
            }
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int h : steps) {
                cells.add(Map.of("mae", f(s.mae()[h - 1], 2), "rmse", f(s.rmse()[h - 1], 2), "mape", f(s.mape()[h - 1], 1)));
            }
            rows.add(Map.of("model", m.model(), "cells", cells));
        }
        List<Map<String, Object>> headers = Arrays.stream(steps).mapToObj(h -> Map.<String, Object>of("step", h,
                "minutes", h * 5)).toList();
        return Map.of("station", station, "steps", headers, "rows", rows);
    }

    private static Template template(String name, boolean html) throws IOException {
        try (Reader reader = new InputStreamReader(ReportWriter.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            // a note left empty ("") leaves out its section
            return Mustache.compiler().defaultValue("").emptyStringIsFalse(true).escapeHTML(html).compile(reader);
        }
    }

    static Table metricsTable(EvaluationSummary summary) {
        StringColumn model = StringColumn.create("model");
        IntColumn step = IntColumn.create("step");
        DoubleColumn mae = DoubleColumn.create("mae");
        DoubleColumn rmse = DoubleColumn.create("rmse");
        DoubleColumn mape = DoubleColumn.create("mape_percent");
        for (ModelSummary m : summary.models()) {
            for (int h = 0; h < m.mae().length; h++) {
                model.append(m.model());
                step.append(h + 1);
                mae.append(m.mae()[h]);
                rmse.append(m.rmse()[h]);
                mape.append(m.mape()[h]);
            }
            model.append(m.model());
            step.append(0);
            mae.append(m.maeAverage());
            rmse.append(m.rmseAverage());
            mape.append(m.mapeAverage());
        }
        return Table.create("metrics", model, step, mae, rmse, mape);
    }

    static Table stationTable(EvaluationSummary summary) {
        StringColumn model = StringColumn.create("model");
        IntColumn station = IntColumn.create("station");
        DoubleColumn mae = DoubleColumn.create("mae");
        for (ModelSummary m : summary.models()) {
            m.stationMae().forEach((id, value) -> {
                model.append(m.model());
                station.append(id);
                mae.append(value);
            });
        }
        return Table.create("stations", model, station, mae);
    }

    static Table significanceTable(EvaluationSummary summary) {
        StringColumn model = StringColumn.create("model");
        StringColumn baseline = StringColumn.create("baseline");
        IntColumn step = IntColumn.create("step");
        DoubleColumn statistic = DoubleColumn.create("dm_statistic");
        DoubleColumn p = DoubleColumn.create("p_value");
        for (Significance s : summary.significance()) {
            model.append(s.model());
            baseline.append(s.baseline());
            step.append(s.step());
            statistic.append(s.statistic());
            p.append(s.pValue());
        }
        return Table.create("significance", model, baseline, step, statistic, p);
    }

    private static String f(double v, int decimals) {
        return Figures.fixed(v, decimals);
    }

    private Map<String, Object> context(EvaluationSummary summary) {
        int horizon = summary.protocol().horizon();
        int[] steps = Horizon.reportedSteps(horizon);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("createdAt", summary.createdAt());
        c.put("codeVersion", summary.codeVersion());
        c.put("codeCommit", summary.codeCommit() == null ? "unknown" : summary.codeCommit());
        c.put("environment", summary.environment() == null ? "unknown" : summary.environment().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        c.put("protocol", summary.protocol());
        c.put("stationCount", summary.protocol().stationIds().size());
        List<Map<String, Object>> stepHeaders = new ArrayList<>();
        for (int s : steps) {
            stepHeaders.add(Map.of("step", s, "minutes", s * 5));
        }
        c.put("steps", stepHeaders);
        // best (lowest) value of each column, shown in bold
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelSummary m : summary.models()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", m.model());
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int s : steps) {
                cells.add(cell(summary, m, s));
            }
            cells.add(cell(summary, m, 0));
            row.put("cells", cells);
            row.put("parameters", m.parameters() == 0 ? "–" : String.format(Locale.ROOT, "%,d", m.parameters()));
            row.put("samplesPerSecond", f(m.samplesPerSecond(), 0));
            row.put("secondsPerEpoch", f(m.secondsPerEpoch(), 2));
            row.put("epochs", m.epochs() == 0 ? "–" : String.valueOf(m.epochs()));
            row.put("provenance", m.provenance().entrySet().stream().map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList());
            rows.add(row);
        }
        c.put("models", rows);
        List<Map<String, Object>> tests = new ArrayList<>();
        for (Significance s : summary.significance()) {
            tests.add(Map.of("model", s.model(), "baseline", s.baseline(), "step", s.step(), "statistic", f(s.statistic(), 2),
                    "pValue", Figures.pValue(s.pValue()), "verdict", verdict(s)));
        }
        c.put("significance", tests);
        c.put("significanceCount", tests.size());
        c.putAll(RankingRows.context(summary));
        List<Map<String, Object>> lead = new ArrayList<>();
        for (Significance s : summary.againstLead()) {
            lead.add(Map.of("model", s.model(), "other", s.baseline(), "step", s.step(), "statistic", f(s.statistic(), 2),
                    "pValue", Figures.pValue(s.pValue()), "verdict", verdict(s)));
        }
        c.put("againstLead", lead);
        c.put("leadCount", lead.size());
        c.put("leadModel", summary.againstLead().isEmpty() ? "" : summary.againstLead().get(0).model());
        c.putAll(SignificanceMatrix.context(summary));
        c.putAll(IntervalRows.context(summary));
        c.putAll(ReportCharts.context(summary));
        c.put("peakNote", peakNote(summary));
        return c;
    }

    /** What a Diebold–Mariano test says of the model; NaN (too few origins, no variance to test against) is no verdict. */
    private static String verdict(Significance s) {
        if (Double.isNaN(s.pValue())) {
            return UNTESTABLE;
        }
        return !(s.pValue() < 0.05) ? "no significant difference" : s.statistic() < 0 ? "more accurate" : "less accurate";
    }

    private static Map<String, Object> cell(EvaluationSummary summary, ModelSummary m, int step) {
        double mae = step == 0 ? m.maeAverage() : m.mae()[step - 1];
        double rmse = step == 0 ? m.rmseAverage() : m.rmse()[step - 1];
        double mape = step == 0 ? m.mapeAverage() : m.mape()[step - 1];
        // a model without a value at this step (NaN) takes no part: DoubleStream.min would be NaN and leave no cell bold
        double bestMae = summary.models().stream().mapToDouble(x -> step == 0 ? x.maeAverage() : x.mae()[step - 1]).filter(Double::isFinite)
                .min().orElse(Double.NaN);
        return Map.of("mae", f(mae, 2), "rmse", f(rmse, 2), "mape", f(mape, 1), "best", mae == bestMae);
    }

    /** Peak (7-9 h, 16-19 h) against off-peak MAE of the best model. */
    private static String peakNote(EvaluationSummary summary) {
        ModelSummary best = summary.models().stream().min(Comparator.comparingDouble(ModelSummary::maeAverage)).orElseThrow();
        double peak = 0;
        double off = 0;
        int np = 0;
        int no = 0;
        for (int hour = 0; hour < 24; hour++) {
            double v = best.hourMae()[hour];
            if (!Double.isFinite(v)) {
                continue;
            }
            if ((hour >= 7 && hour < 9) || (hour >= 16 && hour < 19)) {
                peak += v;
                np++;
            } else {
                off += v;
                no++;
            }
        }
        return String.format(Locale.ROOT, "%s: peak hours (7–9, 16–19) MAE %.2f against %.2f off-peak (hourly means).", best.model(),
                np == 0 ? Double.NaN : peak / np, no == 0 ? Double.NaN : off / no);
    }
}
