package org.flowcast.app;

import org.flowcast.app.cli.FlowcastCommand;

/** Entry point of the {@code flowcast} command; deliberately not a JavaFX {@code Application}. */
public final class FlowcastMain {
    private FlowcastMain() {
    }

    public static void main(String[] args) {
        System.exit(FlowcastCommand.run(args));
    }
}
