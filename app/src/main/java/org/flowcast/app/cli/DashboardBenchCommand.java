package org.flowcast.app.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.view.DashboardStage;
import org.flowcast.app.dashboard.view.DashboardView;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.StationTile;
import org.flowcast.app.dashboard.viewmodel.TaskExecutor;
import org.flowcast.ingest.store.FlowcastDatabase;
import org.flowcast.ingest.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowcast bench dashboard}: how long the dashboard takes to open with data and to redraw after
 * switching station or moving the origin, rendered headless (database reads included, as the window
 * does them).
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures the dashboard on a database, headless: time to open with data, and time from choosing "
                + "a station (or moving the origin) to the redrawn frame, database reads included."},
        footer = {"", "Example (81 Orange stations x 28 days, with a forecast run):",
            "  flowcast ingest --db /tmp/orange ../shared/data/pems-d12-orange",
            "  flowcast train --db /tmp/orange --model at-conv-lstm --epochs 1 --out /tmp/orange-cl.fcm",
            "  flowcast forecast --db /tmp/orange --model /tmp/orange-cl.fcm --from 2023-02-21 --to 2023-03-01",
            "  flowcast bench dashboard --db /tmp/orange"})
public final class DashboardBenchCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(names = "--corridor", paramLabel = "FWY-DIR", defaultValue = "all",
            description = "Freeway and direction, or 'all' for every station with readings (default: ${DEFAULT-VALUE}).")
    String corridor;

    @Option(names = "--days", converter = OptionValues.AtLeastOne.class, defaultValue = "28", description = "Newest days of readings to load (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--switches", defaultValue = "40", description = "Station switches and origin moves to time (default: ${DEFAULT-VALUE}).")
    int switches;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws StoreException {
        DashboardStage.useHeadlessPlatform();
        try (FlowcastDatabase db = database.open()) {
            DashboardSource source = new DashboardSource(db, database.runsFolder());
            List<String[]> rows = DashboardStage.onFxThread(() -> measure(source));
            List<List<String>> table = new ArrayList<>();
            for (String[] row : rows) {
                table.add(List.of(row));
            }
            spec.commandLine().getOut().println(Tables.render(List.of("measure", "value"), table));
            spec.commandLine().getOut().println("Java " + System.getProperty("java.version") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores, headless software rendering (Monocle), 1500x950");
            return 0;
        }
    }

    private List<String[]> measure(DashboardSource source) {
        long began = System.nanoTime();
        DashboardViewModel vm = new DashboardViewModel(source, TaskExecutor.callingThread(), corridor, days);
        Scene scene = new Scene(new DashboardView(vm).root(), 1500, 950);
        long built = System.nanoTime();
        vm.open();
        long read = System.nanoTime();
        DashboardStage.render(scene);
        double openMillis = (System.nanoTime() - began) / 1e6;
        double sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (!vm.emptyMessageProperty().get().isEmpty()) {
            throw new CommandFailure(vm.emptyMessageProperty().get());
        }
        List<Integer> ids = vm.stations().stream().map(StationTile::id).toList();
        double[] station = new double[switches];
        double[] origin = new double[switches];
        for (int i = 0; i < switches + 5; i++) {
            long t0 = System.nanoTime();
            vm.selectedStationProperty().set(ids.get((i * 7 + 1) % ids.size()));
            DashboardStage.render(scene);
            if (i >= 5) {
                station[i - 5] = (System.nanoTime() - t0) / 1e6;
            }
        }
        for (int i = 0; i < switches; i++) {
            long t0 = System.nanoTime();
            vm.stepOrigin(i % 2 == 0 ? -1 : 1);
            DashboardStage.render(scene);
            origin[i] = (System.nanoTime() - t0) / 1e6;
        }
        String loaded = vm.stations().size() + " stations x " + (vm.lastOriginProperty().get() + 1) + " steps, run "
                + (vm.selectedRunProperty().get() == null ? "none" : vm.selectedRunProperty().get().label());
        return List.of(
                new String[] {"loaded", loaded},
                new String[] {"open: load + first frame", String.format(Locale.ROOT, "%.0f ms", openMillis)},
                new String[] {"  of which building the scene", String.format(Locale.ROOT, "%.0f ms", (built - began) / 1e6)},
                new String[] {"  of which reading the database", String.format(Locale.ROOT, "%.0f ms", (read - built) / 1e6)},
                new String[] {"JVM start to first frame", String.format(Locale.ROOT, "%.0f ms", sinceJvmStart)},
                new String[] {"switch station to frame", summary(station)},
                new String[] {"move origin to frame", summary(origin)});
    }

    private static String summary(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %.0f ms, p90 %.0f ms, max %.0f ms (%d runs)", sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.9)], sorted[sorted.length - 1], sorted.length);
    }
}
