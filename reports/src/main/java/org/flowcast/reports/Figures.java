package org.flowcast.reports;

import java.util.Locale;

/** How the report writes its numbers: fixed decimals, p-values and signed percentages, with a dash where there is none. */
final class Figures {
    static final String NONE = "–";

    private Figures() {
    }

    static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : NONE;
    }

    /** A p-value to 3 decimals, "< 0.001" below that. */
    static String pValue(double p) {
        return Double.isNaN(p) ? NONE : p < 0.001 ? "< 0.001" : fixed(p, 3);
    }

    /** A share as a percentage with its sign and one decimal: 0.1234 → "+12.3%". */
    static String signedPercent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%+.1f%%", 100 * share) : NONE;
    }

    /** A share as a percentage with one decimal: 0.8012 → "80.1%". */
    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", 100 * share) : NONE;
    }
}
