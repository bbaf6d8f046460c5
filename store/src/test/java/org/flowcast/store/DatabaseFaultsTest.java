package org.flowcast.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseFaultsTest {
    @Test
    void aFullDiskDeepInTheChainIsNamedAsSuch() {
        // the shape H2 gives: a general SQL error around MVStore's write error around the file system's
        Exception e = new SQLException("General error: \"org.h2.mvstore.MVStoreException: Writing to flowcast.mv.db failed\"",
                new IllegalStateException("Writing to flowcast.mv.db failed; length 4096 at 81920",
                        new IOException("No space left on device")));
        assertThat(DatabaseFaults.describe(e)).startsWith("no space left on the device");
    }

    @Test
    void anyOtherFaultKeepsItsFirstLineAndItsRootCause() {
        Exception e = new SQLException("Table \"X\" not found\nSQL statement: SELECT 1", new IOException("root"));
        assertThat(DatabaseFaults.describe(e)).isEqualTo("Table \"X\" not found (root)");
    }
}
