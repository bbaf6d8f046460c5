package org.flowcast.model;

import java.io.IOException;
import java.nio.file.Path;
import org.flowcast.core.Forecaster;

/** A forecaster of this module: what it saves is its manifest and named arrays, written by {@link ModelFile} alone. */
public interface StoredForecaster extends Forecaster {

    /** The manifest (a fresh one on each call, free to add to) and the arrays of its model file. */
    ModelFile.Contents contents();

    @Override
    default void save(Path file) throws IOException {
        ModelFile.Contents contents = contents();
        ModelFile.write(file, contents.manifest(), contents.arrays());
    }
}
