package org.flowcast.ingest.read;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a text file for a reader: gunzips it when it starts with the gzip magic number, decodes
 * UTF-8 strictly and drops a leading byte-order mark. Binary content is refused up front, and a
 * line past {@link BoundedLines#MAX_LINE} characters ends the file with an error.
 */
public final class TextSource {
    private static final int SNIFF_BYTES = 4096;

    private TextSource() {
    }

    /** The first bytes of the (decompressed) file, for format detection. */
    public static byte[] head(Path file, int bytes) throws IOException, FileReadException {
        try (InputStream in = openBytes(file)) {
            return in.readNBytes(bytes);
        } catch (IOException e) {
            throw explain(file, e);
        }
    }

    /** Opens the decompressed bytes of the file. */
    public static InputStream openBytes(Path file) throws IOException, FileReadException {
        if (!Files.isRegularFile(file)) {
            throw new FileReadException(file, "no such file");
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            } catch (IOException e) {
                in.close();
                throw new FileReadException(file, "the gzip header is corrupt; download the file again", e);
            }
        }
        return in;
    }

    /** Opens the file as UTF-8 text without a byte-order mark; refuses a binary file. */
    public static BufferedReader openText(Path file) throws IOException, FileReadException {
        Reader reader = new InputStreamReader(openTextBytes(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != '\uFEFF' && first != -1) {
            pushback.unread(first);
        }
        return new BufferedReader(new BoundedLines(pushback), 1 << 16);
    }

    /** Opens the file's lines as bytes ({@link TextLines}); refuses an empty or binary file as {@link #openText} does. */
    static TextLines openLines(Path file) throws IOException, FileReadException {
        return new TextLines(openTextBytes(file));
    }

    private static InputStream openTextBytes(Path file) throws IOException, FileReadException {
        InputStream in = openBytes(file);
        try {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            if (head.length == 0) {
                throw new FileReadException(file, "the file is empty");
            }
            for (byte b : head) {
                if (b == 0) {
                    throw new FileReadException(file, "this is a binary file, not a PeMS text file");
                }
            }
            return in;
        } catch (IOException | FileReadException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The 1-based number of the file's first line that is not UTF-8; empty where every line is, or it cannot be read again. */
    static OptionalLong firstLineNotUtf8(Path file) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = openBytes(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (long number = 1; ; number++) {
                int b = in.read();
                while (b >= 0 && b != '\n' && line.size() <= BoundedLines.MAX_LINE) {
                    line.write(b);
                    b = in.read();
                }
                try {
                    utf8.reset().decode(ByteBuffer.wrap(line.toByteArray()));
                } catch (CharacterCodingException e) {
                    return OptionalLong.of(number);
                }
                if (b < 0 || line.size() > BoundedLines.MAX_LINE) {
                    return OptionalLong.empty();
                }
                line.reset();
            }
        } catch (IOException | FileReadException e) {
            return OptionalLong.empty();
        }
    }

    /** Turns failures below the format into a message naming the file and the fix. */
    public static FileReadException explain(Path file, IOException e) {
        if (e instanceof EOFException) {
            return new FileReadException(file, "the gzip data ends early: the file is truncated; download it again", e);
        }
        if (e instanceof ZipException) {
            return new FileReadException(file, "the gzip data is corrupt (" + e.getMessage() + "); download the file again", e);
        }
        if (e instanceof AccessDeniedException) {
            return new FileReadException(file, "permission denied: this user may not read the file; check its permissions", e);
        }
        if (e instanceof CharacterCodingException) {
            // the decoder says only "Input length = 1"; the line is found by reading the file again, on this failure alone
            OptionalLong line = firstLineNotUtf8(file);
            return new FileReadException(file, (line.isPresent() ? "line " + line.getAsLong() + " holds" : "it holds")
                    + " a byte that is not UTF-8 text: the file was saved in another encoding (Latin-1, Windows-1252), or it is "
                    + "binary; save it as UTF-8", e);
        }
        return new FileReadException(file, e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
}
