package org.flowcast.app.dashboard.viewmodel;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Whether the dashboard follows the newest origin as it arrives: on when a corridor opens and after "Newest origin", off
 * once the origin moves any other way (the slider, the 5-minute buttons, the date, a starting {@code --origin}). The
 * dashboard's own moves go through {@link #move}, which leaves it as it is, as does keeping the origin within a newly
 * chosen run's origins.
 */
final class OriginFollowing {
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(true);
    private boolean moving;

    OriginFollowing(DashboardSelection selection) {
        selection.originProperty().addListener((o, a, b) -> {
            if (!moving && selection.ready() && !selection.bounding()) {
                following.set(false);
            }
        });
    }

    /** Moves the origin (or anything that may move it) on the dashboard's own account. */
    void move(Runnable change) {
        boolean outer = !moving;
        moving = true;
        try {
            change.run();
        } finally {
            if (outer) {
                moving = false;
            }
        }
    }

    /** Follows the newest origin again. */
    void start() {
        following.set(true);
    }

    boolean isOn() {
        return following.get();
    }

    ReadOnlyBooleanProperty property() {
        return following.getReadOnlyProperty();
    }
}
