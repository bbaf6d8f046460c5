package org.flowcast.spark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A folder on any file system Hadoop reaches (a local folder, HDFS, S3), where the job keeps model files and reports:
 * names inside it in, local files given by their URI, so that Hadoop's paths stay in this class.
 */
final class HadoopFolder {
    private final FileSystem fs;
    private final Path folder;

    private HadoopFolder(FileSystem fs, Path folder) {
        this.fs = fs;
        this.folder = folder;
    }

    /** The folder a URI names ({@code file:/...}, {@code hdfs://...}, {@code s3a://...}). */
    static HadoopFolder at(String uri) throws IOException {
        return new HadoopFolder(FileSystem.get(URI.create(uri), new Configuration()), new Path(uri));
    }

    boolean exists(String name) throws IOException {
        return fs.exists(new Path(folder, name));
    }

    String readText(String name) throws IOException {
        try (InputStream in = fs.open(new Path(folder, name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    void writeText(String name, String text) throws IOException {
        try (OutputStream out = fs.create(new Path(folder, name), true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Where a file of the folder is, as a user names it: a local file's absolute path (as {@code flowcast train} records
     * it), else its URI ({@code hdfs://...}).
     */
    String location(String name) {
        Path file = fs.makeQualified(new Path(folder, name));
        return "file".equals(file.toUri().getScheme()) ? new File(file.toUri()).getAbsolutePath() : file.toString();
    }

    /** Copies a file of the folder to a local file. */
    void download(String name, URI local) throws IOException {
        fs.copyToLocalFile(false, new Path(folder, name), new Path(local), true);
    }

    /** Copies a local file or folder into the folder under {@code name}, replacing what was there. */
    void upload(URI local, String name) throws IOException {
        Path target = new Path(folder, name);
        fs.delete(target, true);
        fs.mkdirs(folder);
        fs.copyFromLocalFile(false, true, new Path(local), target);
    }
}
