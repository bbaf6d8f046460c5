package org.flowcast.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The look of each model of a report, the same in every chart (so a model keeps its colour in the panel without the
 * baselines): the eight colours of Okabe and Ito (2008), distinguishable with every common colour-vision deficiency,
 * in order of contrast on white; past eight models the colours come round again greyed and with a dash of their own
 * (dashed, dotted, dash-dot), so that no two models share a colour or a look.
 */
final class ModelStyles {
    /** Okabe–Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue, black, yellow. */
    static final List<Color> OKABE_ITO = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442));
    private static final float WIDTH = 2.0f;
    private static final List<float[]> DASHES = List.of(new float[] {8, 4}, new float[] {2, 3}, new float[] {8, 3, 2, 3});
    private static final Color GREY = new Color(0x808080);

    private final Map<String, Integer> index = new LinkedHashMap<>();

    /** The models in the order they take the palette (the report's order). */
    ModelStyles(List<String> models) {
        for (String model : models) {
            index.putIfAbsent(model, index.size());
        }
    }

    /** A model the styles were not made with takes the next free place. */
    private int indexOf(String model) {
        return index.computeIfAbsent(model, m -> index.size());
    }

    Color colour(String model) {
        int i = indexOf(model);
        Color base = OKABE_ITO.get(i % OKABE_ITO.size());
        int round = i / OKABE_ITO.size();
        // each round moves the colour a further step towards grey: 40%, 64%, 78%, ... never reaching it
        double toGrey = 1 - Math.pow(0.6, round);
        return new Color(mix(base.getRed(), GREY.getRed(), toGrey), mix(base.getGreen(), GREY.getGreen(), toGrey),
                mix(base.getBlue(), GREY.getBlue(), toGrey));
    }

    /** Solid for the first eight models, then a dash pattern for each further round of the palette. */
    BasicStroke stroke(String model) {
        int round = indexOf(model) / OKABE_ITO.size();
        if (round == 0) {
            return new BasicStroke(WIDTH);
        }
        return new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASHES.get((round - 1) % DASHES.size()), 0f);
    }

    private static int mix(int from, int to, double share) {
        return (int) Math.round(from + (to - from) * share);
    }
}
