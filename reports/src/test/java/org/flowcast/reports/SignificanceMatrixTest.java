package org.flowcast.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowcast.reports.EvaluationSummary.ModelSummary;
import org.flowcast.reports.EvaluationSummary.Rank;
import org.flowcast.reports.EvaluationSummary.Significance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Diebold–Mariano matrix at the head of the significance section, and the long tables folded below it. */
class SignificanceMatrixTest {
    @TempDir
    Path folder;

    /**
     * Persistence is best at step 3 (MAE 10 against 11), at-conv-lstm at steps 6 and 12; at-conv-lstm is significantly
     * worse at step 3, persistence not significantly worse at 6 and significantly worse at 12.
     */
    private static EvaluationSummary summary() {
        ModelSummary lead = HandMadeSummary.model("at-conv-lstm", HandMadeSummary.growing(10, 0.5), true);
        ModelSummary baseline = HandMadeSummary.model("persistence", HandMadeSummary.growing(7, 1.5), false);
        List<Significance> againstBaseline = List.of(new Significance("at-conv-lstm", "persistence", 3, 1.25, 0.213),
                new Significance("at-conv-lstm", "persistence", 6, -3.5, 0.0004), new Significance("at-conv-lstm", "persistence", 12,
                        -5.75, 1e-6));
        List<Significance> againstBest = List.of(new Significance("at-conv-lstm", "persistence", 3, 2.5, 0.01),
                new Significance("persistence", "at-conv-lstm", 6, 1.1, 0.3), new Significance("persistence", "at-conv-lstm", 12, 6,
                        1e-5));
        List<Rank> ranking = List.of(new Rank(1, "at-conv-lstm", lead.maeAverage(), Double.NaN, Double.NaN, false),
                new Rank(2, "persistence", baseline.maeAverage(), 4.5, 0.00002, true));
        return HandMadeSummary.of(List.of(lead, baseline), againstBaseline, ranking, againstBaseline, againstBest);
    }

    @Test
    void eachCellSaysHowTheModelComparesWithTheBestAtThatStepBoldWhereSignificant() throws IOException {
        String markdown = Files.readString(new ReportWriter().write(summary(), folder).markdown());

        assertThat(markdown).contains("| model | step 3 (15 min), best persistence | step 6 (30 min), best at-conv-lstm |",
                "| at-conv-lstm | **worse (p = 0.010)** | best | best |",
                "| persistence | best | ≈ (p = 0.300) | **worse (p < 0.001)** |");
    }

    @Test
    void theMatrixAgainstTheBestBaselineMarksWhereTheModelIsSignificantlyBetter() throws IOException {
        String markdown = Files.readString(new ReportWriter().write(summary(), folder).markdown());

        assertThat(markdown).contains("| at-conv-lstm | ≈ (p = 0.213) | **better (p < 0.001)** | **better (p < 0.001)** |",
                "| persistence | baseline | baseline | baseline |");
    }

    @Test
    void theHtmlShadesTheSignificantCellsAndFoldsTheLongTablesBelowTheMatrix() throws IOException {
        String html = Files.readString(new ReportWriter().write(summary(), folder).html());

        assertThat(html).contains("<td class=\"dm-worse\">worse (p &#x3D; 0.010)</td>", "<td>≈ (p &#x3D; 0.300)</td>",
                "<td class=\"dm-better\">better (p &lt; 0.001)</td>", "<td class=\"dm-reference\">best</td>");
        int matrix = html.indexOf("<h3>Against the best model at each step</h3>");
        int folded = html.indexOf("<details><summary>Every test against the best baseline (3 rows)</summary>");
        int lead = html.indexOf("<details><summary>Diebold–Mariano of at-conv-lstm against every other model (3 rows)</summary>");
        assertThat(matrix).isPositive();
        assertThat(folded).isGreaterThan(matrix);
        assertThat(lead).isGreaterThan(folded);
    }

    @Test
    void inMarkdownTheLongTablesFollowTheMatrixUnderAHeadingOfTheirOwn() throws IOException {
        String markdown = Files.readString(new ReportWriter().write(summary(), folder).markdown());

        int matrix = markdown.indexOf("### Against the best model at each step");
        int full = markdown.indexOf("### Full tables");
        assertThat(matrix).isPositive();
        assertThat(full).isGreaterThan(markdown.indexOf("### Against the best baseline at each step")).isGreaterThan(matrix);
        assertThat(markdown.indexOf("| at-conv-lstm | persistence | 3 | 1.25 | 0.213 | no significant difference |")).isGreaterThan(full);
    }

    @Test
    void theTestsAgainstTheBestAreWrittenAsCsv() throws IOException {
        new ReportWriter().write(summary(), folder);

        assertThat(Files.readAllLines(folder.resolve("against-best.csv"))).containsExactly("model,best,step,dm_statistic,p_value",
                "at-conv-lstm,persistence,3,2.5,0.01", "persistence,at-conv-lstm,6,1.1,0.3", "persistence,at-conv-lstm,12,6.0,1.0E-5");
    }

    /** A run saved before the tests against the best were kept shows the matrix against the best baseline and says why. */
    @Test
    void aRunWithoutTheTestsAgainstTheBestSaysSo() throws IOException {
        EvaluationSummary full = summary();
        EvaluationSummary older = HandMadeSummary.of(full.models(), full.significance(), full.ranking(), full.againstLead());

        String markdown = Files.readString(new ReportWriter().write(older, folder).markdown());

        assertThat(markdown).doesNotContain("### Against the best model at each step")
                .contains("saved before the tests against the best model at each step were kept", "### Against the best baseline");
    }
}
