package org.flowcast.ingest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flowcast.ingest.store.FlowcastDatabase;

/** Runs an ingest in a process of its own, so that a test can kill it part way; prints each file it starts. */
public final class IngestProcess {
    private IngestProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(args[0])) {
            List<Path> files = Arrays.stream(args).skip(1).map(Path::of).toList();
            new Ingester(db, IngestOptions.defaults(), new IngestListener() {
                @Override
                public void fileStarted(Path file, int index) {
                    System.out.println("started " + index);
                    System.out.flush();
                }
            }).ingest(files);
            System.out.println("done");
        }
    }
}
