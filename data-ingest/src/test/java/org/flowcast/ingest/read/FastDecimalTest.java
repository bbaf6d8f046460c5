package org.flowcast.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastDecimalTest {
    @Test
    void agreesWithParseFloatOnPemsStyleDecimals() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(0, 5);
            double value = random.nextDouble(0, decimals == 0 ? 100_000 : 1_000);
            String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
            if (text.startsWith("0.") && random.nextBoolean()) {
                text = text.substring(1); // PeMS writes ".25"
            }
            float fast = parse(text);
            if (!Float.isNaN(fast)) {
                assertThat(fast).as(text).isEqualTo(Float.parseFloat(text));
            }
        }
    }

    @Test
    void givesNaNForWhatItDoesNotHandle() {
        for (String text : new String[] {"1e5", "abc", "1.2.3", "", "-", "12345678.9"}) {
            assertThat(parse(text)).as(text).isNaN();
        }
        assertThat(parse("-3.5")).isEqualTo(-3.5f);
        assertThat(FastDecimal.parse("x.25".getBytes(StandardCharsets.US_ASCII), 1, 4)).isEqualTo(0.25f);
    }

    private static float parse(String text) {
        return FastDecimal.parse(text.getBytes(StandardCharsets.US_ASCII), 0, text.length());
    }
}
