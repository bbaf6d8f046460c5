package org.flowcast.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.flowcast.core.Channel;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.ValueState;
import org.flowcast.model.ChronologicalSplit;
import org.flowcast.model.EvaluationProtocol;
import org.flowcast.reports.EvaluationSummary.ModelSummary;
import org.flowcast.reports.EvaluationSummary.Rank;
import org.flowcast.reports.EvaluationSummary.Significance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The summary of hand-made runs whose errors are known: the ranking, the significance tests and each model's figures. */
class SummariesTest {
    private static final int HORIZON = 12;
    private static final int ORIGINS = 120;

    private static ModelRun run(String model, double level, double frequency) {
        return HandMadeRun.of(model, HandMadeRun.errors(ORIGINS, HORIZON, level, 2, frequency));
    }

    @Test
    void ranksModelsByTheirAverageMae() {
        List<ModelRun> runs = List.of(run("persistence", 14, 0.11), run("at-conv-lstm", 8, 0.13), run("historical-average", 12, 0.17),
                run("linear-ar", 10, 0.19));

        List<Rank> ranking = Summaries.ranking(runs, HORIZON);

        assertThat(ranking).extracting(Rank::rank, Rank::model).containsExactly(tuple(1, "at-conv-lstm"), tuple(2, "linear-ar"),
                tuple(3, "historical-average"), tuple(4, "persistence"));
        for (Rank rank : ranking) {
            ModelRun run = runs.stream().filter(r -> r.model().equals(rank.model())).findFirst().orElseThrow();
            assertThat(rank.maeAverage()).as(rank.model()).isCloseTo(meanOf(run.originErrors()), within(1e-9));
        }
    }

    /**
     * The average pools every counted value (masked MAE), it is not the mean of the steps' MAEs: a model good at
     * step 1 and bad at step 2 where only one truth of ten is there ranks ahead of a steady model whose step mean is lower.
     */
    @Test
    void theAveragePoolsTheCountedValuesOverTheSteps() {
        double[][] mostlyMasked = new double[10][];
        double[][] steady = new double[10][];
        for (int i = 0; i < 10; i++) {
            mostlyMasked[i] = new double[] {1, i == 0 ? 10 : Double.NaN};
            steady[i] = new double[] {3, 3};
        }
        List<ModelRun> runs = List.of(HandMadeRun.of("steady", steady), HandMadeRun.of("mostly-masked", mostlyMasked));

        List<Rank> ranking = Summaries.ranking(runs, 2);

        assertThat(ranking).extracting(Rank::model).containsExactly("mostly-masked", "steady");
        assertThat(ranking.get(0).maeAverage()).isCloseTo((10 * 1 + 10) / 11.0, within(1e-12));
        ModelSummary summary = Summaries.summarise(runs.get(1));
        assertThat(summary.mae()).containsExactly(new double[] {1, 10}, within(1e-12));
    }

    @Test
    void tiedModelsKeepTheOrderTheyWereEvaluatedIn() {
        double[][] errors = HandMadeRun.errors(ORIGINS, HORIZON, 9, 2, 0.13);
        ModelRun first = HandMadeRun.of("lstm", errors);
        ModelRun second = HandMadeRun.of("gru", errors);

        assertThat(Summaries.ranking(List.of(first, second), HORIZON)).extracting(Rank::rank, Rank::model)
                .containsExactly(tuple(1, "lstm"), tuple(2, "gru"));
        assertThat(Summaries.ranking(List.of(second, first), HORIZON)).extracting(Rank::rank, Rank::model)
                .containsExactly(tuple(1, "gru"), tuple(2, "lstm"));
    }

    @Test
    void aModelTiedWithTheBestIsNotSignificantlyWorse() {
        double[][] errors = HandMadeRun.errors(ORIGINS, HORIZON, 9, 2, 0.13);

        Rank runnerUp = Summaries.ranking(List.of(HandMadeRun.of("lstm", errors), HandMadeRun.of("gru", errors)), HORIZON).get(1);

        assertThat(runnerUp.statistic()).isZero();
        assertThat(runnerUp.pValue()).isEqualTo(1.0);
        assertThat(runnerUp.worseThanBest()).isFalse();
    }

    @Test
    void theBestModelIsNotTestedAgainstItself() {
        Rank best = Summaries.ranking(List.of(run("persistence", 14, 0.11), run("at-conv-lstm", 8, 0.13)), HORIZON).get(0);

        assertThat(best.model()).isEqualTo("at-conv-lstm");
        assertThat(best.statistic()).isNaN();
        assertThat(best.pValue()).isNaN();
        assertThat(best.worseThanBest()).isFalse();
    }

    @ParameterizedTest(name = "MAE {0} against the best's 8: significantly worse {1}")
    @CsvSource({"14, true", "9, true", "8.5, false", "8.02, false"})
    void aModelIsSignificantlyWorseOnlyWhereItsPerOriginErrorsAreClearlyHigher(double level, boolean worse) {
        Rank other = Summaries.ranking(List.of(run("at-conv-lstm", 8, 0.13), run("linear-ar", level, 0.19)), HORIZON).get(1);

        assertThat(other.model()).isEqualTo("linear-ar");
        assertThat(other.statistic()).isPositive();
        assertThat(other.worseThanBest()).isEqualTo(worse);
        assertThat(other.pValue() < 0.05).isEqualTo(worse);
    }

    @Test
    void everyOtherModelIsTestedAgainstTheBestBaselineAtEachReportedStep() {
        List<ModelRun> runs = List.of(run("at-conv-lstm", 8, 0.13), run("persistence", 14, 0.11), run("linear-ar", 10, 0.19));

        List<Significance> tests = Summaries.significance(runs, HORIZON);

        assertThat(tests).extracting(Significance::step, Significance::model, Significance::baseline).containsExactly(
                tuple(3, "at-conv-lstm", "linear-ar"), tuple(3, "persistence", "linear-ar"),
                tuple(6, "at-conv-lstm", "linear-ar"), tuple(6, "persistence", "linear-ar"),
                tuple(12, "at-conv-lstm", "linear-ar"), tuple(12, "persistence", "linear-ar"));
    }

    @Test
    void theBestBaselineIsChosenAtEachStep() {
        List<ModelRun> runs = List.of(run("lstm", 4, 0.13),
                HandMadeRun.of("persistence", HandMadeRun.errors(ORIGINS, HORIZON, step -> 2 + step, 1, 0.11)),
                HandMadeRun.of("historical-average", HandMadeRun.errors(ORIGINS, HORIZON, step -> 10, 1, 0.17)));

        List<Significance> againstBaseline = Summaries.significance(runs, HORIZON).stream().filter(s -> s.model().equals("lstm")).toList();

        assertThat(againstBaseline).extracting(Significance::step, Significance::baseline).containsExactly(
                tuple(3, "persistence"), tuple(6, "persistence"), tuple(12, "historical-average"));
    }

    @Test
    void theStatisticSaysAtEachStepWhetherTheModelIsMoreOrLessAccurateThanTheBaseline() {
        ModelRun model = HandMadeRun.of("lstm", HandMadeRun.errors(ORIGINS, HORIZON, step -> step, 1, 0.13));
        ModelRun baseline = HandMadeRun.of("linear-ar", HandMadeRun.errors(ORIGINS, HORIZON, step -> 7, 1, 0.19));

        List<Significance> tests = Summaries.significance(List.of(model, baseline), HORIZON);

        assertThat(tests).extracting(Significance::step).containsExactly(3, 6, 12);
        assertThat(tests.get(0).statistic()).isNegative();
        assertThat(tests.get(2).statistic()).isPositive();
        assertThat(List.of(tests.get(0).pValue(), tests.get(2).pValue())).allMatch(p -> p < 0.05);
    }

    /** An h-step forecast's errors overlap h - 1 steps, so the test at step h allows autocovariances up to lag h - 1. */
    @Test
    void eachTestAgainstTheBaselineComparesThatStepsPerOriginErrorsWithThatStepAsHorizon() {
        double[][] model = HandMadeRun.errors(ORIGINS, HORIZON, 9, 2, 0.13);
        double[][] baseline = HandMadeRun.errors(ORIGINS, HORIZON, 9.5, 2, 0.19);

        List<Significance> tests = Summaries.significance(List.of(HandMadeRun.of("lstm", model), HandMadeRun.of("linear-ar", baseline)),
                HORIZON);

        for (Significance test : tests) {
            DieboldMariano expected = DieboldMariano.test(step(model, test.step()), step(baseline, test.step()), test.step());
            assertThat(test.statistic()).as("step %d", test.step()).isEqualTo(expected.statistic());
            assertThat(test.pValue()).as("step %d", test.step()).isEqualTo(expected.pValue());
        }
    }

    /** The ranking tests the mean error of each origin over the steps, whose forecasts overlap the whole horizon. */
    @Test
    void theRankingComparesEachOriginsMeanErrorOverTheStepsWithTheHorizonAsHorizon() {
        double[][] best = HandMadeRun.errors(ORIGINS, HORIZON, 8, 2, 0.13);
        double[][] other = HandMadeRun.errors(ORIGINS, HORIZON, 8.5, 2, 0.19);

        Rank second = Summaries.ranking(List.of(HandMadeRun.of("lstm", other), HandMadeRun.of("gru", best)), HORIZON).get(1);

        DieboldMariano expected = DieboldMariano.test(originMeans(other), originMeans(best), HORIZON);
        assertThat(second.model()).isEqualTo("lstm");
        assertThat(second.statistic()).isCloseTo(expected.statistic(), within(1e-9));
        assertThat(second.pValue()).isCloseTo(expected.pValue(), within(1e-9));
    }

    @Test
    void withoutABaselineThereIsNothingToTestAgainst() {
        assertThat(Summaries.significance(List.of(run("at-conv-lstm", 8, 0.13), run("lstm", 9, 0.19)), HORIZON)).isEmpty();
    }

    @Test
    void theAttentionModelIsTestedAgainstEveryOtherModelAtEachReportedStep() {
        List<ModelRun> runs = List.of(run("persistence", 14, 0.11), run("lstm", 9, 0.19), run("at-conv-lstm", 8, 0.13));

        List<Significance> tests = Summaries.againstLead(runs, HORIZON);

        assertThat(tests).extracting(Significance::step, Significance::model, Significance::baseline).containsExactly(
                tuple(3, "at-conv-lstm", "persistence"), tuple(3, "at-conv-lstm", "lstm"),
                tuple(6, "at-conv-lstm", "persistence"), tuple(6, "at-conv-lstm", "lstm"),
                tuple(12, "at-conv-lstm", "persistence"), tuple(12, "at-conv-lstm", "lstm"));
        assertThat(tests).allSatisfy(test -> assertThat(test.statistic()).as("%s", test).isNegative());
    }

    @Test
    void withoutTheAttentionModelTheFirstRegisteredModelEvaluatedLeads() {
        List<Significance> tests = Summaries.againstLead(List.of(run("linear-ar", 10, 0.19), run("lstm", 9, 0.13)), HORIZON);

        assertThat(tests).extracting(Significance::model).containsOnly("lstm");
        assertThat(tests).extracting(Significance::baseline).containsOnly("linear-ar");
    }

    /** At step h the errors alternate h and 3h against a truth of 200: MAE 2h, RMSE h√5, MAPE h %. */
    @Test
    void theSummaryGivesEachStepsMaeRmseAndMapeAndTheirPooledAverages() {
        double[][] errors = new double[10][HORIZON];
        for (int i = 0; i < errors.length; i++) {
            for (int h = 1; h <= HORIZON; h++) {
                errors[i][h - 1] = i % 2 == 0 ? h : 3 * h;
            }
        }

        ModelSummary summary = Summaries.summarise(HandMadeRun.of("lstm", errors));

        for (int h = 1; h <= HORIZON; h++) {
            assertThat(summary.mae()[h - 1]).as("MAE at step %d", h).isCloseTo(2.0 * h, within(1e-9));
            assertThat(summary.rmse()[h - 1]).as("RMSE at step %d", h).isCloseTo(h * Math.sqrt(5), within(1e-9));
            assertThat(summary.mape()[h - 1]).as("MAPE at step %d", h).isCloseTo(h, within(1e-9));
        }
        double meanStep = 6.5;
        double meanSquaredStep = 650 / 12.0;
        assertThat(summary.maeAverage()).isCloseTo(2 * meanStep, within(1e-9));
        assertThat(summary.rmseAverage()).isCloseTo(Math.sqrt(5 * meanSquaredStep), within(1e-9));
        assertThat(summary.mapeAverage()).isCloseTo(meanStep, within(1e-9));
    }

    @Test
    void theSummaryKeepsEachStationsStepsWithTheirCountsAndTheHoursOfTheTargets() {
        double[][] errors = HandMadeRun.errors(ORIGINS, HORIZON, 8, 2, 0.13);
        errors[0][0] = Double.NaN;

        ModelSummary summary = Summaries.summarise(HandMadeRun.of("lstm", errors));

        EvaluationSummary.StationSteps steps = summary.stationSteps().get(HandMadeRun.STATION);
        assertThat(steps.count()[0]).isEqualTo(ORIGINS - 1);
        assertThat(steps.count()[HORIZON - 1]).isEqualTo(ORIGINS);
        assertThat(steps.mae()).containsExactly(summary.mae(), within(1e-12));
        assertThat(summary.stationMae()).containsOnlyKeys(HandMadeRun.STATION);
        assertThat(summary.stationMae().get(HandMadeRun.STATION)).isCloseTo(summary.maeAverage(), within(1e-12));
        // 120 origins 5 minutes apart from 00:00 Pacific plus up to 12 steps reach into 10:55; no target later
        assertThat(Arrays.stream(summary.hourMae(), 0, 11)).allMatch(Double::isFinite);
        assertThat(Arrays.stream(summary.hourMae(), 11, 24)).allMatch(v -> v.isNaN());
        assertThat(summary.epochs()).isEqualTo(2);
        assertThat(summary.secondsPerEpoch()).isEqualTo(3.0);
    }

    @Test
    void theSummaryDescribesTheSplitItWasMadeOnAndKeepsTheModelsInEvaluationOrder() {
        Instant start = Instant.parse("2022-01-03T08:00:00Z");
        Station station = new Station(HandMadeRun.STATION, 12, 5, "N", "ML", 4, 30.1, 33.7, -117.8, "test");
        SensorSeries.Builder builder = SensorSeries.builder(start, SensorSeries.FIVE_MINUTES, 40, List.of(station));
        for (int t = 0; t < 40; t++) {
            builder.set(t, 0, Channel.FLOW, 100 + t, ValueState.OBSERVED);
        }
        SensorSeries series = builder.build();
        ChronologicalSplit split = ChronologicalSplit.of(series, 3, 2);

        EvaluationSummary summary = Summaries.of("hand-made corridor", split, HORIZON, 7,
                List.of(run("persistence", 14, 0.11), run("at-conv-lstm", 8, 0.13)));

        EvaluationSummary.Protocol protocol = summary.protocol();
        assertThat(protocol.data()).isEqualTo("hand-made corridor");
        assertThat(protocol.stationIds()).containsExactly(HandMadeRun.STATION);
        assertThat(protocol.from()).isEqualTo(start.toString());
        assertThat(protocol.to()).isEqualTo(series.end().toString());
        assertThat(List.of(protocol.trainWindows(), protocol.validationWindows(), protocol.testWindows()))
                .containsExactly(split.trainOrigins(), split.validationOrigins(), split.testOrigins());
        assertThat(protocol.horizon()).isEqualTo(HORIZON);
        assertThat(protocol.lookback()).isEqualTo(EvaluationProtocol.LOOKBACK);
        assertThat(protocol.seed()).isEqualTo(7);
        assertThat(protocol.scheme()).isEqualTo(Summaries.CHRONOLOGICAL);
        assertThat(summary.models()).extracting(ModelSummary::model).containsExactly("persistence", "at-conv-lstm");
        assertThat(summary.ranking()).extracting(Rank::model).containsExactly("at-conv-lstm", "persistence");
    }

    private static double[] step(double[][] errors, int step) {
        return Arrays.stream(errors).mapToDouble(origin -> origin[step - 1]).toArray();
    }

    private static double[] originMeans(double[][] errors) {
        return Arrays.stream(errors).mapToDouble(origin -> Arrays.stream(origin).average().orElseThrow()).toArray();
    }

    private static double meanOf(double[][] errors) {
        return Arrays.stream(errors).flatMapToDouble(Arrays::stream).average().orElseThrow();
    }
}
