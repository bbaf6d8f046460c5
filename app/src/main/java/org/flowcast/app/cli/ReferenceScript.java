package org.flowcast.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the PyTorch reference script is when {@code --reference} is not given: in the shared folder beside the checkout
 * whose launcher started Flowcast, else relative to the working folder (as the benchmark data is found).
 */
final class ReferenceScript {
    /** The script relative to a checkout, and the help's words for the default. */
    static final String DEFAULT = "../shared/reference/torch_ref.py";

    private ReferenceScript() {
    }

    /** The given script, else the one beside the launcher's checkout where that exists, else {@link #DEFAULT} from here. */
    static Path resolve(Path given) {
        if (given != null) {
            return given;
        }
        String launcher = System.getProperty(IngestBenchCommand.LAUNCHER_PROPERTY);
        if (launcher != null) {
            Path beside = Path.of(launcher).toAbsolutePath().getParent().resolve(DEFAULT).normalize();
            if (Files.isRegularFile(beside)) {
                return beside;
            }
        }
        return Path.of(DEFAULT);
    }
}
