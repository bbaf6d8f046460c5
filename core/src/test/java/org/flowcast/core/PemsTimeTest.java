package org.flowcast.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PemsTimeTest {
    @Test
    void aTimeIsShownInPacificLocalTimeWithItsZone() {
        assertThat(PemsTime.format(Instant.parse("2023-02-06T16:00:00Z"))).isEqualTo("2023-02-06 08:00 PST");
        assertThat(PemsTime.format(Instant.parse("2023-04-10T07:00:00Z"))).isEqualTo("2023-04-10 00:00 PDT");
    }

    @Test
    void theTwoPassesOfTheHourTheClocksFallBackAreToldApart() {
        // 5 November 2023, 01:30 Pacific happens at 08:30Z (PDT) and again at 09:30Z (PST)
        assertThat(PemsTime.format(Instant.parse("2023-11-05T08:30:00Z"))).isEqualTo("2023-11-05 01:30 PDT");
        assertThat(PemsTime.format(Instant.parse("2023-11-05T09:30:00Z"))).isEqualTo("2023-11-05 01:30 PST");
    }

    @Test
    void aRangeAndItsErrorSpeakTheSameTime() {
        Instant from = Instant.parse("2022-01-03T16:00:00Z");
        Instant to = Instant.parse("2022-01-04T16:00:00Z");
        assertThat(new TimeRange(from, to).describe()).isEqualTo("2022-01-03 08:00 PST to 2022-01-04 08:00 PST");
        assertThat(catchThrowable(() -> new TimeRange(to, from)))
                .hasMessageContaining("2022-01-03 08:00 PST").hasMessageNotContaining("Z");
    }
}
