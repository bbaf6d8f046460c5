package org.flowcast.app.dashboard.viewmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flowcast.app.dashboard.data.RunChoice;

/**
 * What a user asked the dashboard to show first (a model, a colouring, an origin, a station, the district overview;
 * null where not asked), applied to the loaded view-model.
 */
public record StartingChoices(String model, ColourBy colourBy, Instant origin, Integer station, boolean district) {
    /** Applies the choices; returns what could not be applied, each as a sentence. */
    public List<String> applyTo(DashboardViewModel vm) {
        List<String> problems = new ArrayList<>();
        if (!vm.emptyMessageProperty().get().isEmpty()) {
            return problems;
        }
        if (model != null && !vm.chooseModel(model)) {
            problems.add("the database has no forecast run of model '" + model + "'; showing " + vm.selectedRunProperty().get());
        }
        if (colourBy != null) {
            vm.colourByProperty().set(colourBy);
        }
        if (origin != null && !vm.moveOriginTo(origin)) {
            RunChoice run = vm.selectedRunProperty().get();
            problems.add("origin " + DashboardText.stamp(origin) + " is outside the origins offered, "
                    + DashboardText.stamp(vm.originTimeAt(vm.firstOriginProperty().get())) + " to "
                    + DashboardText.stamp(vm.originTimeAt(vm.lastOriginProperty().get()))
                    + (run == null ? " (the loaded readings)" : " (run " + run.id() + "'s within the loaded readings)")
                    + "; showing " + DashboardText.stamp(vm.originTime()));
        }
        if (station != null && !vm.search(String.valueOf(station))) {
            problems.add("station " + station + " is not on the corridor shown; " + vm.statusProperty().get());
        }
        if (district) {
            vm.showDistrict();
        }
        return problems;
    }
}
