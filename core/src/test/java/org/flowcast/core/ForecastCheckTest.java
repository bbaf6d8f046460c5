package org.flowcast.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forecasts the forecast job must not store, one row each, against two stations: 11 of 4 lanes (at most
 * 1,200 veh/5 min) and 12 whose lanes are unknown (at most 3,000). A row whose message is null passes.
 */
class ForecastCheckTest {
    private static final Instant ORIGIN = Instant.parse("2023-02-06T08:00:00Z");
    private static final List<Station> STATIONS = List.of(
            new Station(11, 99, 5, "N", "ML", 4, 10.0, 33.0, -117.0, "four lanes"), Station.unknown(12));

    static Stream<Arguments> cases() {
        return Stream.of(
                row("flows each station carries", values(100, 2000), null),
                row("each station's highest possible flow", values(1200, 3000), null),
                row("intervals nested around their forecast", values(100, 200), null,
                        interval(0.8, 90, 110, 180, 220), interval(0.95, 80, 120, 170, 230)),
                row("more than a 4-lane station carries", values(1201, 10), "more than the 1,200 veh/5 min a station of 4 lanes"),
                row("more than a station of unknown lanes carries", values(10, 3001), "more than the 3,000 veh/5 min"),
                row("a negative flow", values(-1, 10), "below zero"),
                row("a NaN flow", values(Float.NaN, 10), "not a number"),
                row("an 80% interval beside its forecast", values(100, 200), "80% interval",
                        interval(0.8, 101, 110, 180, 220)),
                row("a 95% interval inside the 80% one", values(100, 200), "95% interval",
                        interval(0.8, 90, 110, 180, 220), interval(0.95, 95, 120, 170, 230)),
                row("an infinite upper bound", values(100, 200), "80% interval",
                        interval(0.8, 90, Float.POSITIVE_INFINITY, 180, 220)),
                row("a negative lower bound", values(100, 200), "80% interval",
                        interval(0.8, -1, 110, 180, 220)));
    }

    private static Arguments row(String name, float[][] values, String message, PredictionInterval... intervals) {
        return Arguments.of(name, new Forecast("m", ORIGIN, SensorSeries.FIVE_MINUTES, List.of(11, 12), values, List.of(intervals),
                Optional.empty()), message);
    }

    private static float[][] values(float first, float second) {
        return new float[][] {{first, second}};
    }

    private static PredictionInterval interval(double level, float lower11, float upper11, float lower12, float upper12) {
        return new PredictionInterval(level, new float[][] {{lower11, lower12}}, new float[][] {{upper11, upper12}});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aForecastNoRoadCarriesIsRefusedSayingWhy(String name, Forecast forecast, String message) {
        ForecastCheck check = ForecastCheck.of(STATIONS);
        if (message == null) {
            assertThatCode(() -> check.require(forecast)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> check.require(forecast)).isInstanceOf(ImplausibleForecastException.class)
                    .hasMessageContaining(message).hasMessageContaining("station 1").hasMessageContaining(ORIGIN.toString());
        }
    }
}
