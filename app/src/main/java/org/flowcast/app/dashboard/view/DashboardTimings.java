package org.flowcast.app.dashboard.view;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.scene.Scene;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.StationTile;
import org.flowcast.app.dashboard.viewmodel.TaskExecutor;
import org.flowcast.jobs.JobException;


/** How long the dashboard takes to open with data and to redraw after a choice, rendered headless ({@code flowcast bench dashboard}). */
public final class DashboardTimings {
    private DashboardTimings() {
    }

    /**
     * Opens the dashboard on {@code source} at the window's default size on the FX thread and times it: the first panel
     * (the corridor's tiles, shown as soon as its readings are read), the open (every panel read and drawn), then
     * {@code switches} station switches and origin moves to their redrawn frames; rows of (measure, value).
     */
    public static List<String[]> measure(DashboardSource source, String corridor, int days, int switches) throws JobException {
        List<String[]> rows;
        try {
            rows = DashboardStage.onFxThread(() -> time(source, corridor, days, switches));
        } catch (IllegalStateException e) {
            throw new JobException(e.getMessage(), e);
        }
        return rows;
    }

    private static List<String[]> time(DashboardSource source, String corridor, int days, int switches) {
        long began = System.nanoTime();
        InOrder reads = new InOrder();
        DashboardViewModel vm = new DashboardViewModel(source, reads, corridor, days);
        Scene scene = new Scene(new DashboardView(vm).root(), DashboardStage.DEFAULT_WIDTH, DashboardStage.DEFAULT_HEIGHT);
        long built = System.nanoTime();
        vm.open();
        reads.runFirst();
        DashboardStage.render(scene);
        double firstPanelMillis = (System.nanoTime() - began) / 1e6;
        reads.runAll();
        long read = System.nanoTime();
        DashboardStage.render(scene);
        double openMillis = (System.nanoTime() - began) / 1e6;
        double sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (!vm.emptyMessageProperty().get().isEmpty()) {
            throw new IllegalStateException(vm.emptyMessageProperty().get());
        }
        List<Integer> ids = vm.stations().stream().map(StationTile::id).toList();
        double[] station = new double[switches];
        double[] origin = new double[switches];
        for (int i = 0; i < switches + 5; i++) {
            long t0 = System.nanoTime();
            vm.selectedStationProperty().set(ids.get((i * 7 + 1) % ids.size()));
            reads.runAll();
            DashboardStage.render(scene);
            if (i >= 5) {
                station[i - 5] = (System.nanoTime() - t0) / 1e6;
            }
        }
        for (int i = 0; i < switches; i++) {
            long t0 = System.nanoTime();
            vm.stepOrigin(i % 2 == 0 ? -1 : 1);
            reads.runAll();
            DashboardStage.render(scene);
            origin[i] = (System.nanoTime() - t0) / 1e6;
        }
        String loaded = vm.stations().size() + " stations x " + (vm.lastOriginProperty().get() + 1) + " steps, run "
                + (vm.selectedRunProperty().get() == null ? "none" : vm.selectedRunProperty().get().label());
        return List.of(
                new String[] {"loaded", loaded},
                new String[] {"size", DashboardStage.DEFAULT_WIDTH + "x" + DashboardStage.DEFAULT_HEIGHT},
                new String[] {"first panel (corridor tiles) drawn", String.format(Locale.ROOT, "%.0f ms", firstPanelMillis)},
                new String[] {"open: every panel read and drawn", String.format(Locale.ROOT, "%.0f ms", openMillis)},
                new String[] {"  of which building the scene", String.format(Locale.ROOT, "%.0f ms", (built - began) / 1e6)},
                new String[] {"  of which reading the database", String.format(Locale.ROOT, "%.0f ms", (read - built) / 1e6)},
                new String[] {"JVM start to every panel drawn", String.format(Locale.ROOT, "%.0f ms", sinceJvmStart)},
                new String[] {"switch station to frame", summary(station)},
                new String[] {"move origin to frame", summary(origin)});
    }

    private static String summary(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %.0f ms, p90 %.0f ms, max %.0f ms (%d runs)", sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.9)], sorted[sorted.length - 1], sorted.length);
    }

    /** Runs the reads the view-model asks for on the calling thread in the order asked, when the timing says so. */
    private static final class InOrder implements TaskExecutor {
        private final Deque<Runnable> pending = new ArrayDeque<>();

        @Override
        public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
            pending.add(() -> TaskExecutor.callingThread().execute(work, onSuccess, onFailure));
        }

        void runFirst() {
            if (!pending.isEmpty()) {
                pending.poll().run();
            }
        }

        void runAll() {
            while (!pending.isEmpty()) {
                pending.poll().run();
            }
        }
    }
}
