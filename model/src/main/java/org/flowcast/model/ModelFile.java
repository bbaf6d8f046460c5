package org.flowcast.model;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
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
    private static final int MAX_MANIFEST_BYTES = 16 << 20;
    /** Far above any model's largest array (the Conv-LSTM's 804k weights are 3.2 MB in all). */
    private static final long MAX_ARRAY_BYTES = 1L << 30;
    /** Said after a structural fault: the checksum, being unkeyed, does not tell damage from deliberate edits. */
    static final String EDITED = "; the file is damaged or was edited (its checksum is not keyed: it catches damage, "
            + "not deliberate edits); train the model again";

    /** A manifest and its arrays (shape and row-major float values). */
    public record Contents(ObjectNode manifest, Map<String, FloatArray> arrays) {
    }

    /**
     * A named array as stored: shape and row-major values. Only an array made with {@link #withGaps}
     * may hold {@code NaN} (a profile with slots training never saw); no array may hold an infinity.
     */
    public record FloatArray(long[] shape, float[] values, boolean mayHoldNaN) {
        public FloatArray(long[] shape, float[] values) {
            this(shape, values, false);
        }

        public static FloatArray withGaps(long[] shape, float[] values) {
            return new FloatArray(shape, values, true);
        }

        /** How many of its values are NaN. */
        public long nanCount() {
            long count = 0;
            for (float v : values) {
                if (Float.isNaN(v)) {
                    count++;
                }
            }
            return count;
        }
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

    /**
     * Writes a model or checkpoint file; refuses (writing nothing) arrays holding a value no trained model
     * holds: an infinity anywhere, a {@code NaN} outside a {@link FloatArray#withGaps} array.
     */
    public static void write(Path file, ObjectNode manifest, Map<String, FloatArray> arrays) throws IOException {
        for (Map.Entry<String, FloatArray> e : arrays.entrySet()) {
            long bad = 0;
            for (float v : e.getValue().values()) {
                if (Float.isInfinite(v) || (Float.isNaN(v) && !e.getValue().mayHoldNaN())) {
                    bad++;
                }
            }
            if (bad > 0) {
                throw new ModelFileException(file + ": not saved: array " + e.getKey() + " holds " + bad
                        + " non-finite values (training diverged, or its data held impossible values); check the data "
                        + "with 'flowcast quality', lower the learning rate, and train again");
            }
        }
        ObjectNode shapes = manifest.putObject("arrays");
        for (Map.Entry<String, FloatArray> e : arrays.entrySet()) {
            shapes.set(e.getKey(), JSON.valueToTree(e.getValue().shape()));
        }
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        MessageDigest digest = sha256();
        digest.update(manifestBytes);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        removeLeftOvers(parent, file.getFileName().toString());
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

    /** Deletes what an earlier write of the same file left when it was killed: {@code NAME<digits>.part}. */
    private static void removeLeftOvers(Path folder, String name) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, p -> {
            String other = p.getFileName().toString();
            return other.startsWith(name) && other.substring(name.length()).matches("\\d+\\.part");
        })) {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
    }

    public static Contents read(Path file) throws ModelFileException {
        byte[] manifestBytes = null;
        ObjectNode manifest = null;
        String checksum = null;
        Map<String, byte[]> raw = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.equals("manifest.json") && manifestBytes == null) {
                    manifestBytes = readAtMost(zip, MAX_MANIFEST_BYTES, file, name);
                    manifest = parseManifest(file, manifestBytes);
                } else if (name.equals("checksum") && checksum == null) {
                    checksum = new String(readAtMost(zip, 128, file, name), StandardCharsets.US_ASCII).trim();
                } else if (name.startsWith("arrays/") && manifest != null && !raw.containsKey(name.substring(7))) {
                    String array = name.substring("arrays/".length());
                    long bytes = declaredBytes(file, manifest, array);
                    byte[] values = readAtMost(zip, bytes, file, name);
                    if (values.length != bytes) {
                        throw new ModelFileException(file + ": array " + array + " holds " + values.length
                                + " bytes, not the " + bytes + " its manifest's shape gives" + EDITED);
                    }
                    raw.put(array, values);
                } else {
                    throw new ModelFileException(file + ": unexpected entry '" + name + "' (a Flowcast model file holds "
                            + "manifest.json first, then arrays/NAME for each array its manifest lists, then checksum, each once)"
                            + EDITED);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file + ": no such model file");
        } catch (AccessDeniedException e) {
            throw new ModelFileException(file + ": permission denied: this user may not read the model file", e);
        } catch (IOException e) {
            if (e instanceof ModelFileException m) {
                throw m;
            }
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
            throw new ModelFileException(file + ": the checksum does not match: the file is damaged; train the model "
                    + "again or restore the file (the checksum is not keyed: it catches damage, not deliberate edits)");
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
        manifest.path("arrays").fieldNames().forEachRemaining(name -> arrays.put(name, null));
        for (String name : arrays.keySet()) {
            if (!raw.containsKey(name)) {
                throw new ModelFileException(file + ": lacks the array " + name + " its manifest lists" + EDITED);
            }
            float[] values = fromBytes(raw.get(name));
            for (float v : values) {
                if (Float.isInfinite(v)) {
                    throw new ModelFileException(file + ": array " + name + " holds an infinite value, which no trained "
                            + "model holds" + EDITED);
                }
            }
            arrays.put(name, new FloatArray(shape(file, manifest, name), values, true));
        }
        return new Contents(manifest, arrays);
    }

    private static ObjectNode parseManifest(Path file, byte[] bytes) throws ModelFileException {
        try {
            return (ObjectNode) JSON.readTree(bytes);
        } catch (IOException | ClassCastException e) {
            throw new ModelFileException(file + ": the manifest is not valid JSON", e);
        }
    }

    /** The bytes of an array as its manifest's shape gives them; refuses a shape no array can have. */
    private static long declaredBytes(Path file, ObjectNode manifest, String name) throws ModelFileException {
        long count = 1;
        for (long d : shape(file, manifest, name)) {
            count *= d;
        }
        long limit = Math.min(MAX_ARRAY_BYTES, Runtime.getRuntime().maxMemory() / 2);
        if (count > limit / Float.BYTES) {
            throw new ModelFileException(file + ": array " + name + " would need " + count * Float.BYTES / (1 << 20)
                    + " MiB, more than the " + limit / (1 << 20) + " MiB an array may take here" + EDITED);
        }
        return count * Float.BYTES;
    }

    private static long[] shape(Path file, ObjectNode manifest, String name) throws ModelFileException {
        JsonNode node = manifest.path("arrays").path(name);
        if (!node.isArray() || node.isEmpty()) {
            throw new ModelFileException(file + ": holds an array " + name + " its manifest does not list" + EDITED);
        }
        long[] shape = new long[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = node.get(i);
            if (!d.canConvertToInt() || d.asInt() < 0) {
                throw new ModelFileException(file + ": array " + name + " has the shape " + node
                        + ", not whole numbers from 0 to " + Integer.MAX_VALUE + EDITED);
            }
            shape[i] = d.asInt();
        }
        return shape;
    }

    /** Reads an entry, refusing one past {@code limit} bytes before it fills the heap. */
    private static byte[] readAtMost(InputStream in, long limit, Path file, String entry) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 16));
        if (bytes.length > limit) {
            throw new ModelFileException(file + ": entry " + entry + " is larger than the " + limit + " bytes it may hold" + EDITED);
        }
        return bytes;
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
