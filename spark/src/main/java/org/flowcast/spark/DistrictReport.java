package org.flowcast.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The driver's gathering of every corridor's back-test: one row per corridor with the model's MAE, RMSE and MAPE
 * at steps 3, 6 and 12 and on average, written as {@code district.csv} (Tablesaw, as the evaluation tables are),
 * {@code district.md} and {@code district.html} beside the corridors' own report folders.
 */
final class DistrictReport {
    private DistrictReport() {
    }

    static Table table(String model, List<CorridorOutcome> outcomes) {
        Table table = Table.create(model + " back-test by corridor", StringColumn.create("corridor"), IntColumn.create("stations"));
        String[] labels = {"step3", "step6", "step12", "average"};
        for (String metric : List.of("mae", "rmse", "mape")) {
            for (String label : labels) {
                table.addColumns(DoubleColumn.create(metric + "_" + label));
            }
        }
        for (CorridorOutcome o : outcomes) {
            if (!o.backtested()) {
                continue;
            }
            table.stringColumn("corridor").append(o.corridor());
            table.intColumn("stations").append(o.stations());
            double[][] figures = {o.mae(), o.rmse(), o.mape()};
            String[] metrics = {"mae", "rmse", "mape"};
            for (int m = 0; m < 3; m++) {
                for (int i = 0; i < labels.length; i++) {
                    table.doubleColumn(metrics[m] + "_" + labels[i]).append(figures[m][i]);
                }
            }
        }
        return table;
    }

    /** Writes the three files into {@code folder} (any Hadoop path); returns the Markdown. */
    static String write(String folder, String model, List<CorridorOutcome> outcomes) throws IOException {
        Table table = table(model, outcomes);
        FileSystem fs = FileSystem.get(URI.create(folder), new Configuration());
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        table.write().csv(csv);
        write(fs, new Path(folder, "district.csv"), csv.toByteArray());
        String markdown = markdown(model, table);
        write(fs, new Path(folder, "district.md"), markdown.getBytes(StandardCharsets.UTF_8));
        write(fs, new Path(folder, "district.html"), html(model, table).getBytes(StandardCharsets.UTF_8));
        return markdown;
    }

    private static void write(FileSystem fs, Path file, byte[] bytes) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(bytes);
        }
    }

    private static String markdown(String model, Table t) {
        StringBuilder md = new StringBuilder("# ").append(model).append(": back-test by corridor\n\n")
                .append("Masked MAE / RMSE / MAPE % on each corridor's test windows (the protocol of `flowcast evaluate`); ")
                .append("each corridor's full report is in its folder.\n\n")
                .append("| corridor | stations | step 3 | step 6 | step 12 | average |\n|---|---|---|---|---|---|\n");
        for (int r = 0; r < t.rowCount(); r++) {
            md.append("| ").append(t.stringColumn("corridor").get(r)).append(" | ").append(t.intColumn("stations").get(r));
            for (String label : List.of("step3", "step6", "step12", "average")) {
                md.append(" | ").append(String.format(Locale.ROOT, "%.2f / %.2f / %.1f", t.doubleColumn("mae_" + label).get(r),
                        t.doubleColumn("rmse_" + label).get(r), t.doubleColumn("mape_" + label).get(r)));
            }
            md.append(" |\n");
        }
        return md.toString();
    }

    private static String html(String model, Table t) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(model)).append(" back-test by corridor</title><style>body{font-family:sans-serif}td,th{padding:2px 8px;"
                        + "text-align:right}td:first-child{text-align:left}</style></head><body><h1>").append(escape(model))
                .append(": back-test by corridor</h1><p>Masked MAE / RMSE / MAPE % on each corridor's test windows; each corridor's "
                        + "full report is in its folder.</p><table><tr><th>corridor</th><th>stations</th><th>step 3</th><th>step 6</th>"
                        + "<th>step 12</th><th>average</th></tr>\n");
        for (int r = 0; r < t.rowCount(); r++) {
            String corridor = escape(t.stringColumn("corridor").get(r));
            html.append("<tr><td><a href=\"").append(corridor).append("/report.html\">").append(corridor).append("</a></td><td>")
                    .append(t.intColumn("stations").get(r)).append("</td>");
            for (String label : List.of("step3", "step6", "step12", "average")) {
                html.append("<td>").append(String.format(Locale.ROOT, "%.2f / %.2f / %.1f", t.doubleColumn("mae_" + label).get(r),
                        t.doubleColumn("rmse_" + label).get(r), t.doubleColumn("mape_" + label).get(r))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table></body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
