package org.flowcast.app.dashboard.viewmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The space–time contour: {@code levels[t][s]} is the traffic level (0 free to 1 jammed, NaN unknown) at
 * step {@code t} from {@code start} and station {@code s} in postmile order; columns after
 * {@code originStep} are forecasts, always of flow. {@code legend} names the scales the levels are on, left to right.
 */
public record ContourData(List<Integer> stationIds, double[] postmiles, Instant start, Duration step, int originStep, double[][] levels,
                          ColourBy colourBy, List<Scale> legend, String message) {

    public ContourData {
        stationIds = List.copyOf(stationIds);
        postmiles = postmiles.clone();
        levels = levels.clone();
        legend = List.copyOf(legend);
    }

    public static ContourData empty(String message) {
        return new ContourData(List.of(), new double[0], Instant.EPOCH, Duration.ofMinutes(5), 0, new double[0][], ColourBy.SPEED,
                List.of(),
                message);
    }

    /** One colour scale: what it shows, and the values at its free (green) and jammed (red) ends. */
    public record Scale(String label, String free, String jammed) {
        Scale named(String other) {
            return new Scale(other, free, jammed);
        }
    }

    public int steps() {
        return levels.length;
    }
}
