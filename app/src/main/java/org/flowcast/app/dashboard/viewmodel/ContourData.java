package org.flowcast.app.dashboard.viewmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The space–time contour: {@code levels[t][s]} is the traffic level (0 free to 1 jammed, NaN unknown) at
 * step {@code t} from {@code start} and station {@code s} in postmile order; columns after
 * {@code originStep} are forecasts.
 */
public record ContourData(List<Integer> stationIds, double[] postmiles, Instant start, Duration step, int originStep, double[][] levels,
                          ColourBy colourBy, String message) {

    public ContourData {
        stationIds = List.copyOf(stationIds);
        postmiles = postmiles.clone();
        levels = levels.clone();
    }

    public static ContourData empty(String message) {
        return new ContourData(List.of(), new double[0], Instant.EPOCH, Duration.ofMinutes(5), 0, new double[0][], ColourBy.SPEED, message);
    }

    public int steps() {
        return levels.length;
    }
}
