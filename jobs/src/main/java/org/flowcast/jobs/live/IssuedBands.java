package org.flowcast.jobs.live;

import java.util.ArrayList;
import java.util.List;
import org.flowcast.core.ConformalIntervals;
import org.flowcast.store.StoredOrigin;

/** The 80% and 95% half-widths a stored live forecast was issued with, as the intervals they were. */
final class IssuedBands {
    private IssuedBands() {
    }

    static List<ConformalIntervals> of(StoredOrigin origin, int horizon) {
        List<ConformalIntervals> bands = new ArrayList<>();
        for (int l = 0; l < ConformalIntervals.LEVELS.length && (l + 1) * horizon <= origin.halfWidths().length; l++) {
            double[] widths = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                widths[h - 1] = origin.halfWidth(l, h, horizon);
            }
            bands.add(new ConformalIntervals(ConformalIntervals.LEVELS[l], widths));
        }
        return bands;
    }
}
