package org.flowcast.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.flowcast.core.PemsTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** Times as a person types them, including every time Flowcast prints, read back as the instant they name. */
class TimeConverterTest {
    private final TimeConverter converter = new TimeConverter();

    static Stream<Arguments> written() {
        return Stream.of(
                Arguments.of("2023-04-10", "2023-04-10T07:00:00Z"),
                Arguments.of("2023-02-06", "2023-02-06T08:00:00Z"),
                Arguments.of("2023-02-06T08:00", "2023-02-06T16:00:00Z"),
                Arguments.of("2023-02-06 08:00", "2023-02-06T16:00:00Z"),
                Arguments.of("2023-02-06T16:00Z", "2023-02-06T16:00:00Z"),
                Arguments.of("2023-02-06T08:00-08:00", "2023-02-06T16:00:00Z"),
                Arguments.of("2023-02-06 08:00 PST", "2023-02-06T16:00:00Z"),
                Arguments.of("2023-11-05 01:30 PDT", "2023-11-05T08:30:00Z"),
                Arguments.of("2023-11-05 01:30 PST", "2023-11-05T09:30:00Z"),
                Arguments.of(" 2023-07-01 12:00 pdt ", "2023-07-01T19:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("written")
    void aWrittenTimeIsReadAsTheInstantItNames(String text, String instant) {
        assertThat(converter.convert(text)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2023-02-06T16:00:00Z", "2023-07-01T19:05:00Z", "2023-11-05T08:30:00Z", "2023-11-05T09:30:00Z",
        "2023-03-12T10:00:00Z"})
    void everyTimeFlowcastPrintsIsReadBackAsTheSameInstant(String instant) {
        Instant time = Instant.parse(instant);
        assertThat(converter.convert(PemsTime.format(time))).isEqualTo(time);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yesterday", "2023-02-30", "2023-02-06 08:00 CET", "08:00"})
    void anythingElseIsRefusedWithTheFormsThatWork(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'" + text + "' is not a time").hasMessageContaining("2022-01-03 08:00 PST");
    }
}
