package org.flowcast.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The container of model and checkpoint files: a zip holding {@code manifest.json} (what the model
 * is, its configuration, scaler, stations and provenance), named float arrays, and {@code checksum}
 * (SHA-256 over the manifest and every array), so that a corrupt or altered file is refused. No Java
 * serialization. Files are written to a temporary name and moved into place.
 */
public final class ModelFile {
    public static final String FORMAT = "flowcast-model";
    /**
     * Files of another format version are refused with a message saying so. Version 2: the neural
     * models' weights as the Java engine names and shapes them (version 1 held SameDiff's).
     */
    public static final int FORMAT_VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A manifest and its arrays (shape and row-major float values). */
    public record Contents(ObjectNode manifest, Map<String, FloatArray> arrays) {
    }

    /** A named array as stored: shape and row-major values. */
    public record FloatArray(long[] shape, float[] values) {
    }

    private ModelFile() {
    }

    public static ObjectNode newManifest(String kind) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("kind", kind);
        return manifest;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public static void write(Path file, ObjectNode manifest, Map<String, FloatArray> arrays) throws IOException {
        ObjectNode shapes = manifest.putObject("arrays");
        for (Map.Entry<String, FloatArray> e : arrays.entrySet()) {
            shapes.set(e.getKey(), JSON.valueToTree(e.getValue().shape()));
        }
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        MessageDigest digest = sha256();
        digest.update(manifestBytes);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(manifestBytes);
                zip.closeEntry();
                for (Map.Entry<String, FloatArray> e : arrays.entrySet()) {
                    byte[] bytes = toBytes(e.getValue().values());
                    digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                    digest.update(bytes);
                    zip.putNextEntry(new ZipEntry("arrays/" + e.getKey()));
                    zip.write(bytes);
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry("checksum"));
                zip.write(HexFormat.of().formatHex(digest.digest()).getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public static Contents read(Path file) throws ModelFileException {
        byte[] manifestBytes = null;
        String checksum = null;
        Map<String, byte[]> raw = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] bytes = readAll(zip);
                if (entry.getName().equals("manifest.json")) {
                    manifestBytes = bytes;
                } else if (entry.getName().equals("checksum")) {
                    checksum = new String(bytes, StandardCharsets.US_ASCII).trim();
                } else if (entry.getName().startsWith("arrays/")) {
                    raw.put(entry.getName().substring("arrays/".length()), bytes);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file + ": no such model file");
        } catch (IOException e) {
            throw new ModelFileException(file + ": not a readable Flowcast model file (" + e.getMessage() + ")", e);
        }
        if (manifestBytes == null || checksum == null) {
            throw new ModelFileException(file + ": not a Flowcast model file (no manifest or checksum inside)");
        }
        MessageDigest digest = sha256();
        digest.update(manifestBytes);
        for (Map.Entry<String, byte[]> e : raw.entrySet()) {
            digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(e.getValue());
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(checksum)) {
            throw new ModelFileException(file + ": the checksum does not match: the file is corrupt or was modified; "
                    + "train the model again or restore the file");
        }
        ObjectNode manifest;
        try {
            manifest = (ObjectNode) JSON.readTree(manifestBytes);
        } catch (IOException | ClassCastException e) {
            throw new ModelFileException(file + ": the manifest is not valid JSON", e);
        }
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new ModelFileException(file + ": not a Flowcast model file");
        }
        int version = manifest.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new ModelFileException(file + ": written in model file format " + version + " by Flowcast "
                    + manifest.path("provenance").path("codeVersion").asText("?") + "; this Flowcast reads format "
                    + FORMAT_VERSION + ". Train the model again with this version.");
        }
        Map<String, FloatArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : raw.entrySet()) {
            long[] shape = JSON.convertValue(manifest.path("arrays").path(e.getKey()), long[].class);
            float[] values = fromBytes(e.getValue());
            long size = 1;
            for (long d : shape) {
                size *= d;
            }
            if (size != values.length) {
                throw new ModelFileException(file + ": array " + e.getKey() + " does not have the shape its manifest gives");
            }
            arrays.put(e.getKey(), new FloatArray(shape, values));
        }
        return new Contents(manifest, arrays);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static byte[] toBytes(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static float[] fromBytes(byte[] bytes) {
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
