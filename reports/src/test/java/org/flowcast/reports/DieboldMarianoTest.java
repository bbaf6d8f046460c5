package org.flowcast.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleBinaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Diebold–Mariano test as {@link DieboldMariano} states it: Harvey, Leybourne & Newbold's (1997) modified
 * statistic, the long-run variance from autocovariances (divided by n) up to lag h - 1, and a two-sided p-value
 * from Student's t with n - 1 degrees of freedom; the variant of R's {@code forecast::dm.test}.
 */
class DieboldMarianoTest {
    private static final DoubleBinaryOperator SQUARED = (truth, forecast) -> (truth - forecast) * (truth - forecast);
    private static final DoubleBinaryOperator ABSOLUTE = (truth, forecast) -> Math.abs(truth - forecast);

    /**
     * Published examples of the same variant (HLN correction, lags up to h - 1, t with n - 1 df), from the Python
     * package {@code dieboldmariano} 0.1 by E. Annunziata (PyPI; github.com/edoannunziata/dieboldmariano): the
     * README's code example ({@code dm_test(T, F, G, one_sided=True)} gives -2.2229922805746782 and 0.04515565862099125)
     * and the two cases of its tests/dieboldmarianotest.py (-2.4905 and two-sided 0.05513; squared error, h = 1;
     * 1.2109 and one-sided 0.877 with absolute error and h = 3). The package's one-sided p-value is the tail towards
     * the statistic's sign for a negative statistic and its complement for a positive one, so the two-sided p-values
     * asserted here are 2 × 0.04515565862099125 and 2 × (1 - 0.877). Tolerances follow the digits published: full
     * precision for the README, 4 decimals (±5e-5, ±1e-4 once doubled) for the test suite. SciPy's t distribution on
     * the textbook formula gives the same numbers (-2.2229922805746787 / 0.0903113172; -2.4904882 / 0.0551281;
     * 1.2109453 / 0.2459625).
     */
    static Stream<Arguments> publishedExamples() {
        double[] zeros = new double[15];
        return Stream.of(
                Arguments.of("README: T, F, G", new double[] {10, 20, 30, 40, 50}, new double[] {11, 21, 29, 42, 53},
                        new double[] {13, 26, 24, 40, 59}, SQUARED, 1, -2.2229922805746782, 1e-9, 2 * 0.04515565862099125, 1e-9),
                Arguments.of("test 1: squared error", new double[6], new double[] {0, 1, 2, 3, 4, 5}, new double[] {0, 2, 3, 3, 5, 6},
                        SQUARED, 1, -2.4905, 5e-5, 0.05513, 5e-5),
                Arguments.of("test 2: absolute error, h = 3", zeros,
                        new double[] {0.3675225224615024, 0.5450608127223211, 0.22044990720021074, 0.8688743471040006,
                            0.6072512228948467, 0.8582283746501538, 0.41662295816718187, 0.3812100211114714, 0.7185133356116706,
                            0.30827323290318875, 0.4297093624074402, 0.8615974488577858, 0.7240514514808826, 0.3450839595261038,
                            0.19675301374013598},
                        new double[] {0.12794132529988733, 0.3679643204341153, 0.768715420996091, 0.09972248964114683,
                            0.27197653636654284, 0.28797629010039505, 0.9160213458582482, 0.6112628048698798, 0.5452873235576241,
                            0.06785907231746158, 0.6072666485541124, 0.6241575753989782, 0.39998026828867217, 0.19895665605941748,
                            0.8094941215215619},
                        ABSOLUTE, 3, 1.2109, 5e-5, 2 * (1 - 0.877), 1e-4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedExamples")
    void matchesThePublishedExamples(String example, double[] truth, double[] first, double[] second, DoubleBinaryOperator loss,
                                     int h, double statistic, double statisticTolerance, double pValue, double pTolerance) {
        DieboldMariano dm = DieboldMariano.test(losses(truth, first, loss), losses(truth, second, loss), h);

        assertThat(dm.statistic()).isCloseTo(statistic, within(statisticTolerance));
        assertThat(dm.pValue()).isCloseTo(pValue, within(pTolerance));
        assertThat(dm.n()).isEqualTo(truth.length);
    }

    /**
     * The textbook statistic written out another way: the variance of the mean loss differential under an MA(h - 1)
     * as the double sum over every pair of origins less than h apart, (1/n²) Σ_i Σ_j [|i - j| < h] (d_i - d̄)(d_j - d̄);
     * DM = d̄ / √var times HLN's √((n + 1 - 2h + h(h - 1)/n) / n); the two-sided t(n - 1) p-value as the regularised
     * incomplete beta I_{ν/(ν + t²)}(ν/2, 1/2).
     */
    @ParameterizedTest(name = "h = {0}")
    @ValueSource(ints = {1, 2, 3, 6, 12})
    void agreesWithTheTextbookFormulaWrittenOutByHand(int h) {
        int n = 40;
        double[] a = IntStream.range(0, n).mapToDouble(i -> 12 + 3 * Math.sin(1.3 * i) + 0.5 * Math.cos(0.4 * i)).toArray();
        double[] b = IntStream.range(0, n).mapToDouble(i -> 12.5 + 2 * Math.cos(0.7 * i)).toArray();

        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += (a[i] - b[i]) / n;
        }
        double variance = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (Math.abs(i - j) < h) {
                    variance += (a[i] - b[i] - mean) * (a[j] - b[j] - mean);
                }
            }
        }
        variance /= (double) n * n;
        double expected = mean / Math.sqrt(variance) * Math.sqrt((n + 1 - 2.0 * h + h * (h - 1.0) / n) / n);
        double nu = n - 1;
        double expectedP = Beta.regularizedBeta(nu / (nu + expected * expected), nu / 2, 0.5);

        DieboldMariano dm = DieboldMariano.test(a, b, h);
        assertThat(dm.statistic()).isCloseTo(expected, within(1e-10));
        assertThat(dm.pValue()).isCloseTo(expectedP, within(1e-10));
    }

    @ParameterizedTest(name = "h = {0}")
    @ValueSource(ints = {1, 3, 12})
    void identicalForecastsShowNoDifference(int h) {
        double[] losses = IntStream.range(0, 50).mapToDouble(i -> 5 + Math.sin(0.2 * i)).toArray();

        DieboldMariano dm = DieboldMariano.test(losses, losses.clone(), h);

        assertThat(dm.statistic()).isZero();
        assertThat(dm.pValue()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "h = {0}")
    @ValueSource(ints = {1, 3, 6, 12, 24})
    void aForecastWithLowerLossAtEveryOriginIsStronglySignificantlyMoreAccurate(int h) {
        double[] better = IntStream.range(0, 200).mapToDouble(i -> 10 + 3 * Math.sin(0.15 * i)).toArray();
        double[] worse = IntStream.range(0, 200).mapToDouble(i -> 20 + 3 * Math.sin(0.11 * i + 1)).toArray();

        DieboldMariano dm = DieboldMariano.test(better, worse, h);

        assertThat(dm.statistic()).isNegative();
        assertThat(dm.pValue()).isLessThan(1e-6);
    }

    @ParameterizedTest(name = "h = {0}")
    @ValueSource(ints = {1, 3, 6})
    void swappingTheForecastsFlipsTheStatisticAndKeepsThePValue(int h) {
        double[] a = IntStream.range(0, 60).mapToDouble(i -> 8 + 2 * Math.sin(0.3 * i)).toArray();
        double[] b = IntStream.range(0, 60).mapToDouble(i -> 8.4 + 2 * Math.cos(0.25 * i)).toArray();

        DieboldMariano ab = DieboldMariano.test(a, b, h);
        DieboldMariano ba = DieboldMariano.test(b, a, h);

        assertThat(ab.statistic()).isNotZero().isCloseTo(-ba.statistic(), within(1e-12));
        assertThat(ab.pValue()).isCloseTo(ba.pValue(), within(1e-12));
    }

    @Test
    void originsWhereEitherLossIsMissingAreLeftOut() {
        double[] a = {3, Double.NaN, 4, 6, 2, 5, Double.POSITIVE_INFINITY, 7};
        double[] b = {4, 5, 6, Double.NaN, 4, 5, 1, 9};

        DieboldMariano dm = DieboldMariano.test(a, b, 1);
        DieboldMariano complete = DieboldMariano.test(new double[] {3, 4, 2, 5, 7}, new double[] {4, 6, 4, 5, 9}, 1);

        assertThat(dm.n()).isEqualTo(5);
        assertThat(dm.statistic()).isEqualTo(complete.statistic());
        assertThat(dm.pValue()).isEqualTo(complete.pValue());
    }

    @Test
    void fewerThanThreeComparableOriginsGiveNoTest() {
        DieboldMariano dm = DieboldMariano.test(new double[] {1, 2, Double.NaN}, new double[] {2, 4, 1}, 1);

        assertThat(dm.n()).isEqualTo(2);
        assertThat(dm.statistic()).isNaN();
        assertThat(dm.pValue()).isNaN();
    }

    @Test
    void refusesLossSeriesOfDifferentOrigins() {
        assertThatThrownBy(() -> DieboldMariano.test(new double[4], new double[5], 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same origins");
    }

    private static double[] losses(double[] truth, double[] forecast, DoubleBinaryOperator loss) {
        return IntStream.range(0, truth.length).mapToDouble(i -> loss.applyAsDouble(truth[i], forecast[i])).toArray();
    }
}
