package org.flowcast.app.dashboard.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowcast.core.Channel;
import org.flowcast.core.SensorSeries;
import org.flowcast.core.Station;
import org.flowcast.core.ValueState;

/** The corridor panel: a tile per station coloured by its traffic at the chosen origin, and the origin's time. */
public final class StationTilesViewModel {
    private final DashboardSelection selection;
    private final ObservableList<StationTile> stations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper originText = new ReadOnlyStringWrapper("");
    private double[] percentObserved = new double[0];

    StationTilesViewModel(DashboardSelection selection) {
        this.selection = selection;
        selection.originProperty().addListener((o, a, b) -> refresh());
        selection.colourByProperty().addListener((o, a, b) -> refresh());
    }

    /** A corridor was loaded: works out each station's share of observed readings once. */
    void loaded() {
        SensorSeries series = selection.series();
        percentObserved = new double[series.stationCount()];
        for (int s = 0; s < percentObserved.length; s++) {
            int observed = 0;
            for (int t = 0; t < series.length(); t++) {
                if (series.state(t, s, Channel.FLOW) == ValueState.OBSERVED) {
                    observed++;
                }
            }
            percentObserved[s] = 100.0 * observed / series.length();
        }
        refresh();
    }

    void refresh() {
        if (!selection.ready()) {
            return;
        }
        SensorSeries series = selection.series();
        int t = selection.originProperty().get();
        List<StationTile> tiles = new ArrayList<>();
        for (int s = 0; s < series.stationCount(); s++) {
            Station station = series.stations().get(s);
            double level = selection.levelAt(t, s);
            String text;
            if (Double.isNaN(level)) {
                text = "no data";
            } else if (selection.colourByProperty().get() == ColourBy.SPEED) {
                text = String.format(Locale.ROOT, "%.0f mph", series.value(t, s, Channel.SPEED));
            } else {
                text = String.format(Locale.ROOT, "%,.0f veh/h/ln", TrafficLevel.perLaneHour(series.value(t, s, Channel.FLOW),
                        station.lanes()));
            }
            tiles.add(new StationTile(station.id(), station.name(), station.absolutePostmile(), TrafficLevel.Condition.of(level), level,
                    text, percentObserved[s]));
        }
        stations.setAll(tiles);
        originText.set(DashboardText.when(series.timeAt(t)));
    }

    public ObservableList<StationTile> stations() {
        return stations;
    }

    public ReadOnlyStringProperty originTextProperty() {
        return originText.getReadOnlyProperty();
    }

    public DashboardSelection selection() {
        return selection;
    }
}
