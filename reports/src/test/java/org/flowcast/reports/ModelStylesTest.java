package org.flowcast.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The look each model takes in the report's charts. */
class ModelStylesTest {
    private static List<String> models(int count) {
        return IntStream.range(0, count).mapToObj(i -> "model-" + i).toList();
    }

    @Test
    void theFirstEightModelsTakeTheOkabeItoColoursWithSolidLines() {
        ModelStyles styles = new ModelStyles(models(8));

        assertThat(models(8).stream().map(styles::colour)).containsExactlyElementsOf(ModelStyles.OKABE_ITO);
        assertThat(models(8)).allSatisfy(m -> assertThat(styles.stroke(m).getDashArray()).isNull());
    }

    @Test
    void everyModelGetsAColourOfItsOwnEvenPastThePalette() {
        ModelStyles styles = new ModelStyles(models(30));

        Set<Color> colours = new HashSet<>();
        models(30).forEach(m -> colours.add(styles.colour(m)));
        assertThat(colours).hasSize(30);
    }

    /** Past eight the colours come round again, greyed: a dash tells them apart where a colour vision deficiency might not. */
    @Test
    void pastEightModelsEachRoundOfThePaletteHasADashOfItsOwn() {
        ModelStyles styles = new ModelStyles(models(24));

        BasicStroke ninth = styles.stroke("model-8");
        BasicStroke seventeenth = styles.stroke("model-16");
        assertThat(ninth.getDashArray()).isNotNull();
        assertThat(seventeenth.getDashArray()).isNotNull();
        assertThat(Arrays.equals(ninth.getDashArray(), seventeenth.getDashArray())).isFalse();
        assertThat(styles.stroke("model-9")).isEqualTo(ninth);
    }

    @Test
    void aModelTheStylesWereNotMadeWithTakesTheNextFreeColour() {
        ModelStyles styles = new ModelStyles(List.of("tcn", "persistence"));

        assertThat(styles.colour("lstm")).isEqualTo(ModelStyles.OKABE_ITO.get(2));
        assertThat(styles.colour("tcn")).isEqualTo(ModelStyles.OKABE_ITO.get(0));
    }
}
