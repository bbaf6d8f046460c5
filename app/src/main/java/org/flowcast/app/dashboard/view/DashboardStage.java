package org.flowcast.app.dashboard.view;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.flowcast.app.dashboard.data.DashboardSource;
import org.flowcast.app.dashboard.viewmodel.DashboardViewModel;
import org.flowcast.app.dashboard.viewmodel.TaskExecutor;

/**
 * Starts JavaFX without an {@code Application} subclass (JavaFX is on the class path) and either shows
 * the dashboard in a window until it is closed, or renders it headless into a PNG.
 */
public final class DashboardStage {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private DashboardStage() {
    }

    /** Whether a display server is there to open a window on. */
    public static boolean hasDisplay() {
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    /** Uses Monocle's headless screen and the software renderer; must run before JavaFX starts. */
    public static void useHeadlessPlatform() {
        if (STARTED.get()) {
            return;
        }
        // settings already made (by the test setup, say) win, so that every part of one JVM agrees on them
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        // Monocle's headless screen defaults to 1280x800, and a larger window overflows its frame buffer
        setIfAbsent("headless.geometry", "3840x2400-32");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("java.awt.headless", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Platform.setImplicitExit(false);
            CountDownLatch ready = new CountDownLatch(1);
            try {
                Platform.startup(ready::countDown);
            } catch (IllegalStateException alreadyRunning) {
                ready.countDown();
            }
            try {
                ready.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs a task on the JavaFX thread and waits for its result. */
    public static <T> T onFxThread(Supplier<T> task) {
        start();
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Opens the dashboard in a window and blocks until the window is closed.
     *
     * @param choices applied to the view-model once it has loaded (station, origin, model)
     * @param opened  told the milliseconds from the call to the first frame with data
     */
    public static void show(DashboardSource source, String corridor, int days, Consumer<DashboardViewModel> choices,
            Consumer<Long> opened) {
        show(source, corridor, days, choices, opened, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** The window's size unless asked otherwise: a common laptop screen less the desktop's bars. */
    public static final int DEFAULT_WIDTH = 1600;
    public static final int DEFAULT_HEIGHT = 1000;
    /** How often the window reads what is new unless asked otherwise. */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(10);

    /** Opens the dashboard in a window of the given size and blocks until the window is closed. */
    public static void show(DashboardSource source, String corridor, int days, Consumer<DashboardViewModel> choices, Consumer<Long> opened,
                            int width, int height) {
        show(source, corridor, days, choices, opened, width, height, DEFAULT_REFRESH);
    }

    /**
     * Opens the dashboard in a window of the given size, reading what is new every {@code refreshEvery} (zero: never),
     * and blocks until the window is closed.
     */
    public static void show(DashboardSource source, String corridor, int days, Consumer<DashboardViewModel> choices, Consumer<Long> opened,
                            int width, int height, Duration refreshEvery) {
        long began = System.nanoTime();
        CountDownLatch closed = new CountDownLatch(1);
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            onFxThread(() -> {
                DashboardViewModel model = new DashboardViewModel(source, executor, corridor, days);
                DashboardView view = new DashboardView(model);
                Stage stage = new Stage();
                stage.setTitle("Flowcast — " + source.databaseName());
                stage.setScene(new Scene(view.root(), width, height));
                PeriodicRefresh refresh = new PeriodicRefresh(refreshEvery.toMillis(), model::refresh);
                stage.setOnHidden(e -> {
                    refresh.stop();
                    closed.countDown();
                });
                model.emptyMessageProperty().addListener((o, a, b) -> {
                    if (!"Loading…".equals(b)) {
                        choices.accept(model);
                        opened.accept((System.nanoTime() - began) / 1_000_000);
                    }
                });
                stage.show();
                model.open();
                refresh.start();
                return null;
            });
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
        }
    }

    /**
     * Renders the dashboard at the given size into a PNG (written to a temporary file and moved into
     * place, so an existing file is replaced whole or not at all). Where the dashboard cannot load (an
     * unknown corridor, an unreadable database) nothing is written and the reason is returned.
     */
    public static Optional<String> snapshot(DashboardSource source, String corridor, int days, Consumer<DashboardViewModel> choices,
                                            Path png, int width, int height) throws IOException {
        String[] failure = {""};
        BufferedImage image = onFxThread(() -> {
            DashboardViewModel model = new DashboardViewModel(source, TaskExecutor.callingThread(), corridor, days);
            DashboardView view = new DashboardView(model);
            Scene scene = new Scene(view.root(), width, height);
            model.open();
            failure[0] = model.loadFailureProperty().get();
            if (!failure[0].isEmpty()) {
                return null;
            }
            choices.accept(model);
            return toImage(render(scene));
        });
        if (image == null) {
            return Optional.of(failure[0]);
        }
        Path target = png.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Path temporary = Files.createTempFile(target.getParent(), ".snapshot", ".png");
        try {
            ImageIO.write(image, "png", temporary.toFile());
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return Optional.empty();
    }

    /** Lays out and renders a scene as it would appear in a window. */
    public static WritableImage render(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return scene.snapshot(null);
    }

    private static BufferedImage toImage(WritableImage fx) {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        int[] argb = new int[w * h];
        fx.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, w, h, argb, 0, w);
        return image;
    }
}
