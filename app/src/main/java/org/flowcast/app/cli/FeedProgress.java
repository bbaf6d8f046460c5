package org.flowcast.app.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import org.flowcast.jobs.feed.DeliveredFile;
import org.flowcast.jobs.feed.FeedListener;

/**
 * A feed's progress: a bar showing the newest interval delivered where a person watches ({@link Progress}), else one
 * line per day of data delivered, so that a log of a long live run shows it moving without a line per file.
 */
final class FeedProgress implements FeedListener, AutoCloseable {
    private final PrintWriter out;
    private ProgressBar bar;
    private LocalDate day;
    private long dayFiles;
    private long dayRows;

    FeedProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void metadata(String name) {
        if (!Progress.interactive()) {
            out.println("Copied " + name);
        }
    }

    @Override
    public void starting(long expected) {
        bar = Progress.bar("Feed", expected, "files");
    }

    @Override
    public void delivered(DeliveredFile file) {
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(" " + file.local().toString().replace('T', ' '));
            return;
        }
        LocalDate date = file.local().toLocalDate();
        if (!date.equals(day)) {
            endDay();
            day = date;
        }
        dayFiles++;
        dayRows += file.rows();
    }

    private void endDay() {
        if (day != null && dayFiles > 0) {
            out.printf(Locale.ROOT, "%s: %,d files, %,d rows%n", day, dayFiles, dayRows);
            out.flush();
        }
        dayFiles = 0;
        dayRows = 0;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        endDay();
        day = null;
    }
}
