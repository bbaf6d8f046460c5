package org.flowcast.store;

/** Opens a database in a process of its own and keeps it open until its standard input closes. */
public final class HoldDatabase {
    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (FlowcastDatabase db = FlowcastDatabase.open(args[0])) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to let go
            }
        }
    }
}
