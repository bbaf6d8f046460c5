package org.flowcast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.flowcast.app.FlowcastCommandTest.Result;

/**
 * Databases made from the demo's ({@link DemoWorkdir}) with one thing wrong, each made once per JVM in a folder of its
 * own (the demo's stays as it is): a stray reading far after the rest, stations of a direction no corridor has, a
 * station never observed.
 */
final class DerivedDatabases {
    /** The demo's station 990001 again, on 1 June 2023: three months after the demo's three weeks end. */
    static final String STRAY_ROW = "06/01/2023 08:00:00,990001,99,5,N,ML,0.903,40,100,40,0.0051,64.9,10,12,0.0059,67.9,1,10,10,"
            + "0.0054,65.9,1,10,10,0.0049,63.9,1,10,8,0.0043,61.9,1";
    /** The station {@link #neverObserved} makes 0% observed throughout. */
    static final int NEVER_OBSERVED = 990003;

    private static Path stray;
    private static Path oddDirections;
    private static Path neverObserved;

    private DerivedDatabases() {
    }

    /** The demo's database with one more reading of station 990001, three months after the rest. */
    static synchronized Path stray() {
        if (stray == null) {
            Path folder = DemoWorkdir.temporaryFolder("flowcast-stray");
            stray = copyOfDemo(folder.resolve("flowcast"));
            ingest(stray, write(folder.resolve("in/stray.txt"), STRAY_ROW + "\n"));
        }
        return stray;
    }

    /**
     * The demo's database with three more mainline stations that have data, whose metadata direction is no
     * freeway corridor's: {@code n/a} (two) and {@code /..}.
     */
    static synchronized Path oddDirections() {
        if (oddDirections == null) {
            Path folder = DemoWorkdir.temporaryFolder("flowcast-odd");
            oddDirections = copyOfDemo(folder.resolve("flowcast"));
            String meta = "ID\tFwy\tDir\tDistrict\tCounty\tCity\tState_PM\tAbs_PM\tLatitude\tLongitude\tLength\tType\tLanes\tName\t"
                    + "User_ID_1\tUser_ID_2\tUser_ID_3\tUser_ID_4\n"
                    + "990101\t5\tn/a\t99\t59\t\t1.0\t30.0\t33.7\t-117.8\t0.5\tML\t3\tODD A\t\t\t\t\n"
                    + "990102\t5\t/..\t99\t59\t\t2.0\t31.0\t33.7\t-117.8\t0.5\tML\t3\tODD B\t\t\t\t\n"
                    + "990103\t7\tn/a\t99\t59\t\t3.0\t32.0\t33.7\t-117.8\t0.5\tML\t3\tODD C\t\t\t\t\n";
            StringBuilder rows = new StringBuilder();
            for (int id = 990101; id <= 990103; id++) {
                for (String minute : List.of("00", "05", "10")) {
                    rows.append("02/20/2023 08:").append(minute).append(":00,").append(id).append(",99,5,N,ML,0.5,30,100,50,0.05,60,")
                            .append("10,20,0.05,60,1,10,15,0.05,60,1,10,15,0.05,60,1\n");
                }
            }
            write(folder.resolve("in/d99_text_meta_2023_02_20.txt"), meta);
            ingest(oddDirections, write(folder.resolve("in/odd.txt"), rows.toString()).getParent());
        }
        return oddDirections;
    }

    /** The demo's files loaded afresh with station {@value #NEVER_OBSERVED} 0% observed (PeMS imputed it) throughout. */
    static synchronized Path neverObserved() {
        if (neverObserved == null) {
            Path folder = DemoWorkdir.temporaryFolder("flowcast-imputed");
            Path files = folder.resolve("in");
            try (Stream<Path> sample = Files.list(DemoWorkdir.home().resolve("sample"))) {
                for (Path file : sample.toList()) {
                    Files.createDirectories(files);
                    if (file.getFileName().toString().endsWith(".gz")) {
                        Files.write(files.resolve(file.getFileName()), gzip(imputed(gunzip(file))));
                    } else {
                        Files.copy(file, files.resolve(file.getFileName()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            neverObserved = folder.resolve("flowcast");
            ingest(neverObserved, files);
        }
        return neverObserved;
    }

    /** A copy of the demo's database file at {@code location} (its {@code .mv.db} beside), returned. */
    static Path copyOfDemo(Path location) {
        try {
            Files.createDirectories(location.getParent());
            Files.copy(DemoWorkdir.home().resolve("flowcast.mv.db"), location.resolveSibling(location.getFileName() + ".mv.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return location;
    }

    private static void ingest(Path database, Path files) {
        Result result = FlowcastCommandTest.run("ingest", "--db", database.toString(), files.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The station_5min text with the {@code % Observed} field (the 9th) of {@link #NEVER_OBSERVED}'s rows set to 0. */
    private static String imputed(String text) {
        return text.lines().map(line -> {
            String[] fields = line.split(",", -1);
            if (fields.length > 8 && fields[1].equals(String.valueOf(NEVER_OBSERVED))) {
                fields[8] = "0";
            }
            return String.join(",", fields);
        }).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
