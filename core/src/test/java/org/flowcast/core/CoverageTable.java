package org.flowcast.core;

import java.util.List;
import java.util.Locale;

/**
 * Realised coverage of intervals in a {@link ShiftSimulation}, pooled over steps and stations, by the time their target
 * was observed: the days before the shift (after the first, when the adaptive intervals are still the calibration), the
 * first day after it (adaptation) and the days after that. An observation counts where {@link Metric#counts} it.
 */
final class CoverageTable {

    enum Intervals { FIXED, ADAPTIVE }

    enum Phase {
        BEFORE("before (days 1–7)"),
        FIRST_DAY("day 1 after"),
        AFTER("days 2–5 after");

        private final String heading;

        Phase(String heading) {
            this.heading = heading;
        }
    }

    private final int horizon;
    private final String shift;
    private final int levels = ConformalIntervals.LEVELS.length;
    private final long[][][] covered = new long[2][levels][Phase.values().length];
    private final long[][][] counted = new long[2][levels][Phase.values().length];
    private final double[][][] widthSum = new double[2][levels][Phase.values().length];

    CoverageTable(int horizon, String shift) {
        this.horizon = horizon;
        this.shift = shift;
    }

    /** Tallies step h of a forecast against the flows observed at time t, in the bounds the half-widths give. */
    void tally(Intervals kind, int t, Forecast made, int h, float[] observed, List<ConformalIntervals> halfWidths) {
        Phase phase = phaseOf(t);
        if (phase == null) {
            return;
        }
        for (int l = 0; l < levels; l++) {
            ConformalIntervals interval = halfWidths.get(l);
            for (int s = 0; s < observed.length; s++) {
                float y = observed[s];
                if (!Metric.counts(y)) {
                    continue;
                }
                float value = made.value(h, s);
                counted[kind.ordinal()][l][phase.ordinal()]++;
                widthSum[kind.ordinal()][l][phase.ordinal()] += interval.halfWidth()[h - 1];
                if (y >= interval.lower(value, h) && y <= interval.upper(value, h)) {
                    covered[kind.ordinal()][l][phase.ordinal()]++;
                }
            }
        }
    }

    /** The share of observations inside their interval, 0–1. */
    double coverage(Intervals kind, double level, Phase phase) {
        int l = levelIndex(level);
        return (double) covered[kind.ordinal()][l][phase.ordinal()] / counted[kind.ordinal()][l][phase.ordinal()];
    }

    double meanHalfWidth(Intervals kind, double level, Phase phase) {
        int l = levelIndex(level);
        return widthSum[kind.ordinal()][l][phase.ordinal()] / counted[kind.ordinal()][l][phase.ordinal()];
    }

    /** The table in Markdown, one row per level and kind of interval. */
    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s from day %d, %d steps, %d stations: realised coverage pooled over steps "
                + "and stations%n%n", shift, ShiftSimulation.SHIFT_DAY, horizon, ShiftSimulation.STATIONS));
        out.append("| level | intervals |");
        for (Phase phase : Phase.values()) {
            out.append(' ').append(phase.heading).append(" |");
        }
        out.append(" mean half-width before → after |\n|---|---|---|---|---|---|\n");
        for (double level : ConformalIntervals.LEVELS) {
            for (Intervals kind : Intervals.values()) {
                out.append(String.format(Locale.ROOT, "| %.0f%% | %s |", 100 * level, kind.name().toLowerCase(Locale.ROOT)));
                for (Phase phase : Phase.values()) {
                    out.append(String.format(Locale.ROOT, " %.1f%% |", 100 * coverage(kind, level, phase)));
                }
                out.append(String.format(Locale.ROOT, " %.1f → %.1f |%n", meanHalfWidth(kind, level, Phase.BEFORE),
                        meanHalfWidth(kind, level, Phase.AFTER)));
            }
        }
        return out.toString();
    }

    private static Phase phaseOf(int t) {
        int day = t / ShiftSimulation.ORIGINS_PER_DAY;
        if (day < 1) {
            return null;
        }
        if (day < ShiftSimulation.SHIFT_DAY) {
            return Phase.BEFORE;
        }
        return day == ShiftSimulation.SHIFT_DAY ? Phase.FIRST_DAY : Phase.AFTER;
    }

    private static int levelIndex(double level) {
        for (int l = 0; l < ConformalIntervals.LEVELS.length; l++) {
            if (Math.abs(ConformalIntervals.LEVELS[l] - level) < 1e-9) {
                return l;
            }
        }
        throw new IllegalArgumentException("no level " + level);
    }
}
