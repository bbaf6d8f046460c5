package org.flowcast.app.dashboard.viewmodel;

/** What the corridor and the space–time contour are coloured by. */
public enum ColourBy {
    SPEED("speed"),
    FLOW("flow");

    private final String label;

    ColourBy(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
