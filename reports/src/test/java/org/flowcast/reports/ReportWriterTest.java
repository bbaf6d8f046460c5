package org.flowcast.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowcast.reports.EvaluationSummary.IntervalScores;
import org.flowcast.reports.EvaluationSummary.ModelSummary;
import org.flowcast.reports.EvaluationSummary.Rank;
import org.flowcast.reports.EvaluationSummary.Significance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The files a report of a hand-made summary consists of, read back and compared with the summary. */
class ReportWriterTest {
    private static final int[] REPORTED_STEPS = {3, 6, 12};

    @TempDir
    Path folder;

    /** at-conv-lstm is best at steps 6 and 12 and on average, persistence at step 3. */
    private static EvaluationSummary twoModels() {
        ModelSummary lead = HandMadeSummary.model("at-conv-lstm", HandMadeSummary.growing(10, 0.5), true);
        ModelSummary baseline = HandMadeSummary.model("persistence", HandMadeSummary.growing(7, 1.5), false);
        List<Significance> tests = List.of(new Significance("at-conv-lstm", "persistence", 3, 1.25, 0.213),
                new Significance("at-conv-lstm", "persistence", 6, -3.5, 0.0004), new Significance("at-conv-lstm", "persistence", 12, -5.75,
                        1e-6));
        List<Rank> ranking = List.of(new Rank(1, "at-conv-lstm", lead.maeAverage(), Double.NaN, Double.NaN, false),
                new Rank(2, "persistence", baseline.maeAverage(), 4.5, 0.00002, true));
        return HandMadeSummary.of(List.of(lead, baseline), tests, ranking, tests);
    }

    @Test
    void writesTheReportsAndTablesIntoAFolderItCreates() throws IOException {
        Path run = folder.resolve("runs/first");

        ReportWriter.Written written = new ReportWriter().write(twoModels(), run);

        assertThat(written.html()).isEqualTo(run.resolve("report.html"));
        assertThat(written.markdown()).isEqualTo(run.resolve("report.md"));
        assertThat(written.metricsCsv()).isEqualTo(run.resolve("metrics.csv"));
        for (String file : List.of("report.html", "report.md", "metrics.csv", "stations.csv", "significance.csv", "station-steps.csv",
                "station-steps.json", "ranking.csv", "intervals.csv", "against-best.csv")) {
            assertThat(run.resolve(file)).as(file).isNotEmptyFile();
        }
    }

    @Test
    void theMetricsCsvHoldsEachModelsFiguresAtEveryStepAndOnAverage() throws IOException {
        EvaluationSummary summary = twoModels();

        List<String[]> rows = csv(new ReportWriter().write(summary, folder).metricsCsv(), "model,step,mae,rmse,mape_percent");

        assertThat(rows).hasSize(2 * (HandMadeSummary.HORIZON + 1));
        for (String[] row : rows) {
            ModelSummary model = model(summary, row[0]);
            int step = Integer.parseInt(row[1]);
            double[] expected = step == 0 ? new double[] {model.maeAverage(), model.rmseAverage(), model.mapeAverage()}
                    : new double[] {model.mae()[step - 1], model.rmse()[step - 1], model.mape()[step - 1]};
            assertThat(numbers(row, 2)).as("%s step %d", row[0], step).containsExactly(expected);
        }
    }

    @Test
    void theStationsCsvHoldsEachModelsMaeAtEachStation() throws IOException {
        EvaluationSummary summary = twoModels();
        new ReportWriter().write(summary, folder);

        List<String[]> rows = csv(folder.resolve("stations.csv"), "model,station,mae");

        assertThat(rows).hasSize(4);
        for (String[] row : rows) {
            assertThat(Double.parseDouble(row[2])).isEqualTo(model(summary, row[0]).stationMae().get(Integer.parseInt(row[1])));
        }
    }

    @Test
    void theStationStepsCsvHoldsEveryModelStationAndStepWithItsCount() throws IOException {
        EvaluationSummary summary = twoModels();
        new ReportWriter().write(summary, folder);

        List<String[]> rows = csv(folder.resolve("station-steps.csv"), "model,station,step,mae,rmse,mape_percent,count");

        assertThat(rows).hasSize(2 * 2 * HandMadeSummary.HORIZON);
        for (String[] row : rows) {
            EvaluationSummary.StationSteps steps = model(summary, row[0]).stationSteps().get(Integer.parseInt(row[1]));
            int i = Integer.parseInt(row[2]) - 1;
            assertThat(numbers(row, 3)).containsExactly(steps.mae()[i], steps.rmse()[i], steps.mape()[i], steps.count()[i]);
        }
    }

    @Test
    void theSignificanceCsvHoldsEveryTestAgainstTheBaseline() throws IOException {
        EvaluationSummary summary = twoModels();
        new ReportWriter().write(summary, folder);

        List<String[]> rows = csv(folder.resolve("significance.csv"), "model,baseline,step,dm_statistic,p_value");

        assertThat(rows).hasSameSizeAs(summary.significance());
        for (int i = 0; i < rows.size(); i++) {
            Significance test = summary.significance().get(i);
            assertThat(rows.get(i)).startsWith(test.model(), test.baseline(), String.valueOf(test.step()));
            assertThat(numbers(rows.get(i), 3)).containsExactly(test.statistic(), test.pValue());
        }
    }

    /** MAE and RMSE to 2 decimals, MAPE to 1, at the reported steps 3, 6 and 12 and on average. */
    @Test
    void theMarkdownAccuracyTableShowsEachModelsFiguresAtTheReportedSteps() throws IOException {
        EvaluationSummary summary = twoModels();

        String markdown = Files.readString(new ReportWriter().write(summary, folder).markdown());

        for (ModelSummary model : summary.models()) {
            List<String> cells = accuracyRow(markdown, model.model());
            for (int i = 0; i <= REPORTED_STEPS.length; i++) {
                double[] shown = Arrays.stream(cells.get(i).replace("**", "").split(" / ")).mapToDouble(Double::parseDouble).toArray();
                boolean average = i == REPORTED_STEPS.length;
                int index = average ? -1 : REPORTED_STEPS[i] - 1;
                assertThat(shown[0]).isCloseTo(average ? model.maeAverage() : model.mae()[index], within(0.005));
                assertThat(shown[1]).isCloseTo(average ? model.rmseAverage() : model.rmse()[index], within(0.005));
                assertThat(shown[2]).isCloseTo(average ? model.mapeAverage() : model.mape()[index], within(0.05));
            }
        }
    }

    @Test
    void theLowestMaeOfEachColumnIsBold() throws IOException {
        String markdown = Files.readString(new ReportWriter().write(twoModels(), folder).markdown());

        assertThat(bold(accuracyRow(markdown, "at-conv-lstm"))).containsExactly(false, true, true, true);
        assertThat(bold(accuracyRow(markdown, "persistence"))).containsExactly(true, false, false, false);
    }

    @Test
    void theHtmlIsSelfContainedWithItsChartsInline() throws IOException {
        String html = Files.readString(new ReportWriter().write(twoModels(), folder).html());

        assertThat(html).doesNotContain("<script", "src=", "<link");
        // horizon, stations and hours, each also without the baseline, and the best model's trace
        assertThat(Pattern.compile("<svg ").matcher(html).results().count()).isEqualTo(7);
        assertThat(html).contains("<td class=\"best\">12.50 / 19.00 / 6.4</td>", "<td>14.50 / 22.00 / 7.4</td>");
    }

    @Test
    void theReportsGiveEachTestsVerdictFromItsSignAndPValue() throws IOException {
        String markdown = Files.readString(new ReportWriter().write(twoModels(), folder).markdown());

        assertThat(markdown).contains("| at-conv-lstm | persistence | 3 | 1.25 | 0.213 | no significant difference |",
                "| at-conv-lstm | persistence | 6 | -3.50 | < 0.001 | more accurate |",
                "| 1 | at-conv-lstm | 12.75 | best | +16.4% | – | best |",
                "| 2 | persistence | 15.25 | +19.6% | +0.0% | < 0.001 | significantly worse |");
    }

    @Test
    void aSummaryOfOneModelGivesACompleteReport() throws IOException {
        ModelSummary only = HandMadeSummary.model("linear-ar", HandMadeSummary.growing(8, 1), true);
        EvaluationSummary summary = HandMadeSummary.of(List.of(only), List.of(),
                List.of(new Rank(1, "linear-ar", only.maeAverage(), Double.NaN, Double.NaN, false)), List.of());

        ReportWriter.Written written = new ReportWriter().write(summary, folder);

        String markdown = Files.readString(written.markdown());
        assertThat(bold(accuracyRow(markdown, "linear-ar"))).containsOnly(true);
        assertThat(markdown).contains("| 1 | linear-ar | 13.50 | best | – | best |").doesNotContain("against every other model");
        assertThat(csv(written.metricsCsv(), "model,step,mae,rmse,mape_percent")).hasSize(HandMadeSummary.HORIZON + 1);
        assertThat(csv(folder.resolve("significance.csv"), "model,baseline,step,dm_statistic,p_value")).isEmpty();
        assertThat(Files.readString(written.html())).contains("Forecast against observed: linear-ar, station 1205330");
    }

    /** A step without any counted value has no MAE: the CSV leaves it empty, the reports show a dash. */
    @Test
    void aMissingMetricIsLeftEmptyInTheCsvAndShownAsADash() throws IOException {
        double[] mae = HandMadeSummary.growing(10, 0.5);
        mae[11] = Double.NaN;
        EvaluationSummary summary = HandMadeSummary.of(List.of(HandMadeSummary.model("stid", mae, false)), List.of(), List.of(), List.of());

        ReportWriter.Written written = new ReportWriter().write(summary, folder);

        String[] step12 = csv(written.metricsCsv(), "model,step,mae,rmse,mape_percent").get(11);
        assertThat(step12).containsExactly("stid", "12", "", "", "");
        assertThat(accuracyRow(Files.readString(written.markdown()), "stid").get(2)).isEqualTo("– / – / –");
    }

    @Test
    void theBestMaeIsBoldEvenWhereAnotherModelHasNoValue() throws IOException {
        double[] missingAtTwelve = HandMadeSummary.growing(12, 0.5);
        missingAtTwelve[11] = Double.NaN;
        EvaluationSummary summary = HandMadeSummary.of(List.of(HandMadeSummary.model("at-conv-lstm", HandMadeSummary.growing(10, 0.5),
                false),
                HandMadeSummary.model("stid", missingAtTwelve, false)), List.of(), List.of(), List.of());

        String markdown = Files.readString(new ReportWriter().write(summary, folder).markdown());

        assertThat(bold(accuracyRow(markdown, "at-conv-lstm"))).containsExactly(true, true, true, true);
        assertThat(bold(accuracyRow(markdown, "stid"))).containsExactly(false, false, false, false);
    }

    /** Diebold–Mariano gives NaN where it cannot test (fewer than 3 origins, a loss differential without variance). */
    @Test
    void aTestThatCouldNotBeComputedIsNotReportedAsNoDifference() throws IOException {
        EvaluationSummary base = twoModels();
        List<Significance> untestable = List.of(new Significance("at-conv-lstm", "persistence", 3, Double.NaN, Double.NaN));
        EvaluationSummary summary = HandMadeSummary.of(base.models(), untestable,
                List.of(base.ranking().get(0), new Rank(2, "persistence", 15.25, Double.NaN, Double.NaN, false)), untestable);

        String markdown = Files.readString(new ReportWriter().write(summary, folder).markdown());

        assertThat(markdown).contains("| at-conv-lstm | persistence | 3 | – | – | not testable |",
                "| 2 | persistence | 15.25 | +19.6% | +0.0% | – | not testable |");
        assertThat(markdown).doesNotContain("no significant difference", "not significantly worse");
    }

    @Test
    void aTargetStationOpensTheReportWithItsStepTable() throws IOException {
        EvaluationSummary summary = twoModels();

        String markdown = Files.readString(new ReportWriter().write(summary, folder, OptionalInt.of(1205340)).markdown());

        // station 1205340's figures are the model's plus 2
        assertThat(markdown).contains("## Station 1205340, step by step", "| at-conv-lstm | 13.00 / 18.75 / 7.6 | 14.50 / 21.00 / 8.4 |");
        assertThat(markdown.indexOf("## Station 1205340")).isLessThan(markdown.indexOf("## Accuracy"));
    }

    @Test
    void theSameSummaryAlwaysGivesTheSameFiles() throws IOException {
        EvaluationSummary summary = twoModels();
        new ReportWriter().write(summary, folder.resolve("a"));
        new ReportWriter().write(summary, folder.resolve("b"));

        try (var files = Files.list(folder.resolve("a"))) {
            for (Path file : files.toList()) {
                assertThat(file).as(file.getFileName().toString()).hasSameBinaryContentAs(folder.resolve("b").resolve(file.getFileName()));
            }
        }
    }

    /** Clip paths and gradients of the inline charts are referenced by id, so one report's charts must not share any. */
    @Test
    void theChartsOfOneReportShareNoSvgIds() throws IOException {
        String html = Files.readString(new ReportWriter().write(twoModels(), folder).html());

        Matcher ids = Pattern.compile(" id='([^']+)'").matcher(html);
        List<String> all = new ArrayList<>();
        while (ids.find()) {
            all.add(ids.group(1));
        }
        assertThat(all).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void aSavedRunReadsBackWithItsFiguresIncludingMissingOnes() throws IOException {
        double[] mae = HandMadeSummary.growing(10, 0.5);
        mae[11] = Double.NaN;
        EvaluationSummary summary = HandMadeSummary.of(List.of(HandMadeSummary.model("stid", mae, true)), twoModels().significance(),
                twoModels().ranking(), List.of(), List.of(new Significance("persistence", "stid", 3, 2.5, 0.02)));

        ReportWriter.saveRun(summary, folder);
        EvaluationSummary read = ReportWriter.readRun(folder);

        ModelSummary back = read.models().get(0);
        assertThat(back.mae()).usingComparatorWithPrecision(0.0).containsExactly(mae);
        assertThat(Double.isNaN(back.mae()[11])).isTrue();
        assertThat(back.stationSteps()).containsOnlyKeys(HandMadeSummary.STATIONS);
        assertThat(back.trace().observed()).containsExactly(summary.models().get(0).trace().observed());
        assertThat(read.ranking()).isEqualTo(summary.ranking());
        assertThat(read.significance()).isEqualTo(summary.significance());
        assertThat(read.protocol()).isEqualTo(summary.protocol());
        assertThat(read.againstBest()).isEqualTo(summary.againstBest());
        assertThat(back.intervals()).hasSize(2);
        for (int k = 0; k < 2; k++) {
            IntervalScores written = summary.models().get(0).intervals().get(k);
            IntervalScores again = back.intervals().get(k);
            assertThat(again.level()).isEqualTo(written.level());
            assertThat(again.halfWidth()).usingComparatorWithPrecision(0.0).containsExactly(written.halfWidth());
            assertThat(again.coverage()).usingComparatorWithPrecision(0.0).containsExactly(written.coverage());
            assertThat(again.width()).usingComparatorWithPrecision(0.0).containsExactly(written.width());
            assertThat(again.score()).usingComparatorWithPrecision(0.0).containsExactly(written.score());
            assertThat(List.of(again.coverageAverage(), again.widthAverage(), again.scoreAverage()))
                    .containsExactly(written.coverageAverage(), written.widthAverage(), written.scoreAverage());
        }
        assertThat(Double.isNaN(back.intervals().get(0).coverage()[11])).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({"'', holds no evaluation run", "'{\"createdAt\": \"2026', not a readable evaluation run",
        "'{}', not a complete evaluation run"})
    void refusesAFolderWithoutACompleteRun(String content, String message) throws IOException {
        if (!content.isEmpty()) {
            Files.writeString(folder.resolve(ReportWriter.RUN_FILE), content);
        }

        assertThatThrownBy(() -> ReportWriter.readRun(folder)).isInstanceOf(IOException.class).hasMessageContaining(message);
    }

    private static ModelSummary model(EvaluationSummary summary, String name) {
        return summary.models().stream().filter(m -> m.model().equals(name)).findFirst().orElseThrow();
    }

    /** The rows below the header, which must be {@code header}; fields split at commas (no field here holds one). */
    private static List<String[]> csv(Path file, String header) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(header);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }

    private static double[] numbers(String[] row, int from) {
        return Arrays.stream(row, from, row.length).mapToDouble(Double::parseDouble).toArray();
    }

    /** The cells of a model's row in the Markdown accuracy table: steps 3, 6, 12 and the average. */
    private static List<String> accuracyRow(String markdown, String model) {
        String table = markdown.substring(markdown.indexOf("## Accuracy"));
        String row = table.lines().filter(line -> line.startsWith("| " + model + " |")).findFirst().orElseThrow();
        List<String> cells = Arrays.stream(row.split("\\|")).map(String::trim).toList();
        return cells.subList(2, 2 + REPORTED_STEPS.length + 1);
    }

    private static List<Boolean> bold(List<String> cells) {
        return cells.stream().map(cell -> cell.startsWith("**")).toList();
    }
}
