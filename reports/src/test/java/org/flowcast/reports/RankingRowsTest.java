package org.flowcast.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowcast.reports.EvaluationSummary.ModelSummary;
import org.flowcast.reports.EvaluationSummary.Rank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ranking's "by how much": gap to the best and skill against persistence and the historical average. */
class RankingRowsTest {
    @TempDir
    Path folder;

    /** Average MAEs 12.75 (at-conv-lstm), 15.25 (persistence) and 16 (historical-average). */
    private static EvaluationSummary threeModels(boolean withHistoricalAverage) {
        ModelSummary lead = HandMadeSummary.model("at-conv-lstm", HandMadeSummary.growing(10, 0.5), true);
        ModelSummary persistence = HandMadeSummary.model("persistence", HandMadeSummary.growing(7, 1.5), false);
        ModelSummary average = HandMadeSummary.model("historical-average", HandMadeSummary.growing(16, 0), false);
        List<Rank> ranking = List.of(new Rank(1, "at-conv-lstm", 12.75, Double.NaN, Double.NaN, false),
                new Rank(2, "persistence", 15.25, 4.5, 0.00002, true), new Rank(3, "historical-average", 16, 5.5, 0.00001, true));
        return withHistoricalAverage ? HandMadeSummary.of(List.of(lead, persistence, average), List.of(), ranking, List.of())
                : HandMadeSummary.of(List.of(lead, persistence), List.of(), ranking.subList(0, 2), List.of());
    }

    @Test
    void theGapIsTheShareByWhichAMaeExceedsTheBestAndTheSkillTheShareOfTheReferencesErrorRemoved() {
        assertThat(RankingRows.gap(15.25, 12.75)).isCloseTo(2.5 / 12.75, within(1e-12));
        assertThat(RankingRows.gap(12.75, 12.75)).isZero();
        assertThat(RankingRows.skill(12.75, 15.25)).isCloseTo(2.5 / 15.25, within(1e-12));
        assertThat(RankingRows.skill(16, 15.25)).isNegative();
        assertThat(RankingRows.skill(10, 0)).isNaN();
    }

    @Test
    void theRankingShowsEachModelsGapToTheBestAndItsSkillAgainstBothReferences() throws IOException {
        String markdown = Files.readString(new ReportWriter().write(threeModels(true), folder).markdown());

        assertThat(markdown).contains(
                "| rank | model | MAE avg | gap to the best | skill vs persistence | skill vs historical-average | p-value against the",
                "| 1 | at-conv-lstm | 12.75 | best | +16.4% | +20.3% | – | best |",
                "| 2 | persistence | 15.25 | +19.6% | +0.0% | +4.7% | < 0.001 | significantly worse |",
                "| 3 | historical-average | 16.00 | +25.5% | -4.9% | +0.0% | < 0.001 | significantly worse |",
                "Skill against a reference: 1 − MAE / MAE_ref").doesNotContain("was not in this run");
    }

    @Test
    void aReferenceTheRunLacksHasNoColumnAndTheReportSaysSo() throws IOException {
        ReportWriter.Written written = new ReportWriter().write(threeModels(false), folder);

        String markdown = Files.readString(written.markdown());
        assertThat(markdown).contains("| gap to the best | skill vs persistence | p-value against the best |",
                "| 2 | persistence | 15.25 | +19.6% | +0.0% | < 0.001 | significantly worse |",
                "historical-average was not in this run, so there is no skill against it (add historical-average to --models).");
        assertThat(Files.readString(written.html())).contains("<th>skill vs persistence</th>")
                .doesNotContain("<th>skill vs historical-average</th>");
    }

    @Test
    void theRankingCsvHoldsTheGapsAndSkillsAsShares() throws IOException {
        new ReportWriter().write(threeModels(true), folder);

        List<String> lines = Files.readAllLines(folder.resolve("ranking.csv"));

        assertThat(lines.get(0)).isEqualTo("rank,model,mae,gap_to_best,skill_vs_persistence,skill_vs_historical_average,p_value_vs_best");
        String[] third = lines.get(3).split(",", -1);
        assertThat(third[1]).isEqualTo("historical-average");
        assertThat(Double.parseDouble(third[3])).isCloseTo(16 / 12.75 - 1, within(1e-12));
        assertThat(Double.parseDouble(third[4])).isCloseTo(1 - 16 / 15.25, within(1e-12));
        assertThat(Double.parseDouble(third[5])).isZero();
    }
}
