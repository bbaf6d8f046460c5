package org.flowcast.jobs.live;

import java.nio.file.Path;
import java.time.Clock;
import org.flowcast.ingest.FileIngestResult;
import org.flowcast.jobs.Workspace;

/**
 * A watcher in a process of its own, so that a test can kill it part way: {@code DATABASE INBOX MODELS}; it prints a line
 * per step done, and stops once the inbox has nothing left to do.
 */
public final class WatchProcess {
    private WatchProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace workspace = Workspace.open(args[0])) {
            WatchSettings settings = WatchSettings.defaults(Path.of(args[1]), Path.of(args[2])).withOnce(true);
            new WatchService(workspace, settings, new WatchService.Listener() {
                @Override
                public void file(FileIngestResult result) {
                    System.out.println("file " + result.file().getFileName());
                    System.out.flush();
                }

                @Override
                public void step(WatchService.StepReport report) {
                    System.out.println("step " + report.step());
                    System.out.flush();
                }

                @Override
                public void note(String message) {
                    System.err.println(message);
                }
            }, Clock.systemUTC()).run(() -> false);
            System.out.println("done");
        }
    }
}
