package org.flowcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreWindowTest {

    @ParameterizedTest(name = "p = {0} -> {1}")
    @CsvSource({
        // scores 1..10: the ⌈p·10⌉-th smallest
        "0.8,   8",
        "0.95,  10",
        "0.5,   5",
        "0.51,  6",
        "0.01,  1",
        // p ≥ 1 (α ≤ 0): the largest; p ≤ 0 (α ≥ 1): nothing
        "1.0,   10",
        "1.2,   10",
        "0.0,   0",
        "-0.3,  0",
    })
    void quantileIsTheCeilingRankOfTheScores(double p, float expected) {
        ScoreWindow window = ScoreWindow.of(100, new float[] {7, 3, 10, 1, 9, 2, 8, 4, 6, 5});
        assertThat(window.quantile(p)).isEqualTo(expected);
    }

    @Test
    void evictsTheOldestScoresFirst() {
        ScoreWindow window = new ScoreWindow(4);
        window.add(new float[] {50, 60, 70}, 3);
        window.add(new float[] {1, 2, 99}, 2);
        assertThat(window.inArrivalOrder()).containsExactly(60, 70, 1, 2);
        assertThat(window.quantile(1)).isEqualTo(70f);
        assertThat(window.quantile(0.25)).isEqualTo(1f);
    }

    @Test
    void staysSortedAsScoresComeAndGoAndGrowsToItsCapacity() {
        Random random = new Random(7);
        ScoreWindow window = new ScoreWindow(3000);
        Deque<Float> expected = new ArrayDeque<>();
        for (int origin = 0; origin < 400; origin++) {
            float[] scores = new float[20];
            int count = random.nextInt(21);
            for (int i = 0; i < count; i++) {
                // repeats and zeros on purpose: equal scores must leave one at a time
                scores[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(60) / 2f;
                expected.addLast(scores[i]);
                if (expected.size() > 3000) {
                    expected.removeFirst();
                }
            }
            window.add(scores, count);
            float[] all = new float[expected.size()];
            int k = 0;
            for (float score : expected) {
                all[k++] = score;
            }
            assertThat(window.inArrivalOrder()).isEqualTo(all);
            Arrays.sort(all);
            for (double p : new double[] {0.05, 0.5, 0.8, 0.95, 1}) {
                if (all.length > 0) {
                    int rank = (int) Math.min(all.length, Math.max(1, Math.ceil(p * all.length)));
                    assertThat(window.quantile(p)).isEqualTo(all[rank - 1]);
                }
            }
        }
        assertThat(window.size()).isEqualTo(3000);
    }

    @Test
    void refusesScoresThatAreNotFiniteAndNonNegative() {
        ScoreWindow window = new ScoreWindow(10);
        assertThatThrownBy(() -> window.add(new float[] {Float.NaN}, 1)).hasMessageContaining("finite and non-negative");
        assertThatThrownBy(() -> window.add(new float[] {-1}, 1)).hasMessageContaining("finite and non-negative");
        assertThatThrownBy(() -> window.add(new float[] {Float.POSITIVE_INFINITY}, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(window.size()).isZero();
    }
}
