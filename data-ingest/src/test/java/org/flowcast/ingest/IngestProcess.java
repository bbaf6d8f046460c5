package org.flowcast.ingest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flowcast.store.FlowcastDatabase;

/**
 * Runs an ingest in a process of its own, so that a test can kill it part way; prints each file it starts. Two of
 * the test's files (11,520 rows each) fill a transaction, so that files 0 to 3 are committed when file 4 starts.
 */
public final class IngestProcess {
    private IngestProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(args[0])) {
            List<Path> files = Arrays.stream(args).skip(1).map(Path::of).toList();
            new Ingester(db, IngestOptions.defaults().withTransactionRows(20_000), new IngestListener() {
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
