package org.flowcast.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a text file as the bytes it holds, without a string or a char per byte: ended by
 * {@code \n}, {@code \r\n} or {@code \r}, a leading byte-order mark dropped, UTF-8 checked strictly on
 * the lines that hold any byte past ASCII, and a line past {@link BoundedLines#MAX_LINE} bytes the file's
 * error. Decoding every byte to a char and every line to a string (a {@code BufferedReader}) was half of
 * reading a {@code station_5min} file. Not thread-safe.
 */
final class TextLines implements AutoCloseable {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[CHUNK * 2];
    private int filled;
    private int position;
    private int start;
    private int end;
    private long number;
    private boolean eof;
    private boolean skipNewline;

    TextLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the file. */
    boolean next() throws IOException {
        while (true) {
            int i = position;
            if (skipNewline && i < filled) {
                skipNewline = false;
                if (buffer[i] == '\n') {
                    i++;
                    position = i;
                }
            }
            // one pass finds the line's end and whether it holds any byte past ASCII (a negative byte)
            int high = 0;
            for (; i < filled; i++) {
                byte b = buffer[i];
                high |= b;
                if (b == '\n' || b == '\r') {
                    end(i, high < 0);
                    position = i + 1;
                    skipNewline = b == '\r';
                    return true;
                }
            }
            if (filled - position > BoundedLines.MAX_LINE) {
                throw BoundedLines.tooLong(number + 1);
            }
            if (eof) {
                if (position < filled) {
                    end(filled, true);
                    position = filled;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    /** Ends the line at {@code at}; {@code check} where it may hold bytes past ASCII, to be checked as UTF-8. */
    private void end(int at, boolean check) throws IOException {
        start = position;
        end = at;
        number++;
        if (number == 1 && end - start >= 3 && buffer[start] == (byte) 0xEF && buffer[start + 1] == (byte) 0xBB
                && buffer[start + 2] == (byte) 0xBF) {
            start += 3;
        }
        if (end - start > BoundedLines.MAX_LINE) {
            throw BoundedLines.tooLong(number);
        }
        if (check) {
            for (int i = start; i < end; i++) {
                if (buffer[i] < 0) {
                    utf8.reset().decode(ByteBuffer.wrap(buffer, start, end - start));
                    return;
                }
            }
        }
    }

    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, filled - position);
            filled -= position;
            position = 0;
        }
        if (buffer.length - filled < CHUNK) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int n = in.read(buffer, filled, buffer.length - filled);
        if (n < 0) {
            eof = true;
        } else {
            filled += n;
        }
    }

    /** The current line's bytes: {@link #start()} to {@link #end()} of this array (valid until {@link #next()}). */
    byte[] bytes() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The current line's 1-based number. */
    long number() {
        return number;
    }

    /** Whether the current line holds nothing but white space, as {@link String#isBlank} has it. */
    boolean isBlank() {
        for (int i = start; i < end; i++) {
            byte b = buffer[i];
            if (b < 0) {
                return text().isBlank();
            }
            if (b != ' ' && b != '\t' && b != 0x0B && b != '\f' && !(b >= 0x1C && b <= 0x1F)) {
                return false;
            }
        }
        return true;
    }

    /** The current line as text. */
    String text() {
        return new String(buffer, start, end - start, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
