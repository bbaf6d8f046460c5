package org.flowcast.jobs.live;

import java.util.List;
import org.flowcast.core.ConformalIntervals;

/** Stand-in until the adaptive-interval state lands in core: the model's calibration, unchanged. */
final class AdaptiveIntervals {
    private final List<ConformalIntervals> calibration;

    private AdaptiveIntervals(List<ConformalIntervals> calibration) {
        this.calibration = List.copyOf(calibration);
    }

    static AdaptiveIntervals start(List<ConformalIntervals> calibration, int horizon, double gamma) {
        return new AdaptiveIntervals(calibration);
    }

    static AdaptiveIntervals resume(byte[] state, List<ConformalIntervals> calibration, int horizon, double gamma) {
        return new AdaptiveIntervals(calibration);
    }

    void observe(int step, float[] forecast, float[] observed, double halfWidth80, double halfWidth95) {
        // the stand-in keeps the calibration
    }

    List<ConformalIntervals> current() {
        return calibration;
    }

    byte[] toBytes() {
        return new byte[0];
    }
}
