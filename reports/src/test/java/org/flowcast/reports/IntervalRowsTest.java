package org.flowcast.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowcast.reports.EvaluationSummary.ModelSummary;
import org.flowcast.reports.EvaluationSummary.Rank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's prediction intervals: coverage, width and interval score per model, coverage per step, and older runs. */
class IntervalRowsTest {
    @TempDir
    Path folder;

    /** Average MAEs 12.75 and 15.25: mean widths 2.5 and 4 times that, scores 1.25 times the widths ({@link HandMadeSummary#intervals}). */
    private static EvaluationSummary twoModels() {
        ModelSummary lead = HandMadeSummary.model("at-conv-lstm", HandMadeSummary.growing(10, 0.5), true);
        ModelSummary baseline = HandMadeSummary.model("persistence", HandMadeSummary.growing(7, 1.5), false);
        return HandMadeSummary.of(List.of(lead, baseline), List.of(), List.of(new Rank(1, "at-conv-lstm", 12.75, Double.NaN, Double.NaN,
                false), new Rank(2, "persistence", 15.25, 4.5, 0.00002, true)), List.of());
    }

    @Test
    void eachModelShowsItsCoverageMeanWidthAndIntervalScoreAtEachLevelTheLowestScoreInBold() throws IOException {
        String markdown = Files.readString(new ReportWriter().write(twoModels(), folder).markdown());

        assertThat(markdown).contains("| model | coverage 80% | coverage 95% | mean width 80% | mean width 95% | interval score 80% "
                + "| interval score 95% |", "| at-conv-lstm | 81.0% | 94.0% | 31.9 | 51.0 | **39.8** | **63.8** |",
                "| persistence | 81.0% | 94.0% | 38.1 | 61.0 | 47.7 | 76.3 |", "Interval score (Winkler; Gneiting & Raftery 2007)");
    }

    /** Coverage at steps 3, 6 and 12: 81% and 94% less 0.1 point a step from step 6. */
    @Test
    void theCoveragePerStepTableGivesBothLevelsAtEachReportedStep() throws IOException {
        String markdown = Files.readString(new ReportWriter().write(twoModels(), folder).markdown());

        assertThat(markdown).contains("### Coverage per step (%, 80% / 95%)", "| at-conv-lstm | 81.3 / 94.3 | 81.0 / 94.0 | 80.4 / 93.4 |");
    }

    @Test
    void theIntervalsCsvHoldsEachModelLevelAndStepAndThePooledFigures() throws IOException {
        EvaluationSummary summary = twoModels();
        new ReportWriter().write(summary, folder);

        List<String> lines = Files.readAllLines(folder.resolve("intervals.csv"));

        assertThat(lines.get(0)).isEqualTo("model,level,step,half_width,coverage,mean_width,interval_score");
        assertThat(lines).hasSize(1 + 2 * 2 * (HandMadeSummary.HORIZON + 1));
        String[] pooled95 = lines.stream().filter(l -> l.startsWith("at-conv-lstm,0.95,0,")).findFirst().orElseThrow().split(",", -1);
        assertThat(pooled95[3]).isEmpty();
        assertThat(Double.parseDouble(pooled95[4])).isEqualTo(0.94);
        assertThat(Double.parseDouble(pooled95[5])).isCloseTo(51, within(1e-9));
        String[] step2 = lines.stream().filter(l -> l.startsWith("persistence,0.8,2,")).findFirst().orElseThrow().split(",", -1);
        // persistence's step 2 MAE is 8.5: width 21.25, half-width 10.625
        assertThat(Double.parseDouble(step2[3])).isCloseTo(10.625, within(1e-9));
        assertThat(Double.parseDouble(step2[5])).isCloseTo(21.25, within(1e-9));
    }

    /** A run.json written before the interval scores and the tests against the best were kept: its coverage, and a note. */
    @Test
    void anOlderRunWithoutIntervalScoresStillRendersWithItsCoverage() throws IOException {
        ReportWriter.saveRun(twoModels(), folder);
        Path file = folder.resolve(ReportWriter.RUN_FILE);
        ObjectMapper json = new ObjectMapper();
        JsonNode run = json.readTree(file.toFile());
        ((ObjectNode) run).remove("againstBest");
        run.get("models").forEach(m -> ((ObjectNode) m).remove("intervals"));
        json.writeValue(file.toFile(), run);
        assertThat(Files.readString(file)).doesNotContain("\"intervals\"", "againstBest");

        EvaluationSummary older = ReportWriter.readRun(folder);
        ReportWriter.Written written = new ReportWriter().write(older, folder.resolve("report"));

        assertThat(older.models().get(0).intervals()).isEmpty();
        assertThat(older.againstBest()).isEmpty();
        String markdown = Files.readString(written.markdown());
        assertThat(markdown).contains("| at-conv-lstm | 81.0% | 94.0% | – | – | – | – |", "saved before interval widths, scores")
                .doesNotContain("### Coverage per step");
        String html = Files.readString(written.html());
        assertThat(html).contains("Forecast against observed: at-conv-lstm").doesNotContain("interval, 30 min ahead");
    }

    @Test
    void theBestModelsTraceShowsItsBands() throws IOException {
        String html = Files.readString(new ReportWriter().write(twoModels(), folder).html());

        assertThat(html).contains("80% interval, 30 min ahead", "95% interval, 30 min ahead",
                "The shaded bands are at-conv-lstm&#39;s 80% and 95% intervals around its 30-minute forecast.");
    }
}
