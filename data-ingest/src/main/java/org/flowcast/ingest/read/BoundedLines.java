package org.flowcast.ingest.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that fails once a line grows past a bound, so that a small compressed file holding one
 * line of gigabytes ends in a clear error for that file instead of filling the heap in
 * {@code readLine} or a CSV parser. PeMS lines are a few hundred characters.
 */
final class BoundedLines extends FilterReader {
    /** Far beyond any PeMS or long-CSV line (a station_5min row with 20 lanes is under 600). */
    static final int MAX_LINE = 100_000;

    private long line = 1;
    private int length;

    BoundedLines(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        int n = super.read(buffer, offset, count);
        // one compare per character in the loop; lengths are checked once per chunk (a chunk is shorter than
        // MAX_LINE, so only the line carried in and the one carried out can be too long)
        int firstNewline = -1;
        int lastNewline = -1;
        int newlines = 0;
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') {
                lastNewline = i;
                newlines++;
            }
        }
        if (lastNewline < 0) {
            length += Math.max(n, 0);
        } else {
            for (int i = offset; firstNewline < 0; i++) {
                if (buffer[i] == '\n') {
                    firstNewline = i;
                }
            }
            if (length + firstNewline - offset > MAX_LINE) {
                throw tooLong();
            }
            line += newlines;
            length = offset + n - 1 - lastNewline;
        }
        if (length > MAX_LINE) {
            throw tooLong();
        }
        return n;
    }

    private void count(char c) throws IOException {
        if (c == '\n') {
            line++;
            length = 0;
        } else if (++length > MAX_LINE) {
            throw tooLong();
        }
    }

    private IOException tooLong() {
        return tooLong(line);
    }

    /** The error of a file whose line {@code line} is longer than {@link #MAX_LINE}. */
    static IOException tooLong(long line) {
        return new IOException("line " + line + " is longer than " + MAX_LINE + " characters; this is not a PeMS "
                + "text file, or it is damaged");
    }
}
