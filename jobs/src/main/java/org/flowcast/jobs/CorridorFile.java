package org.flowcast.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowcast.core.Corridor;

/**
 * A user's corridor definitions, one per line: {@code NAME: ID, ID, ...} (stations in driving order, for
 * a route that changes freeways) or {@code NAME: FWY-DIR [FROM-TO]} (that freeway's mainline stations,
 * optionally between two absolute postmiles). {@code #} starts a comment. A line that is neither is
 * refused with its file, line and the two forms.
 */
public final class CorridorFile {
    /** The corridor file read when none is given: {@code corridors.txt} in the Flowcast home folder. */
    public static final String DEFAULT_NAME = "corridors.txt";

    private static final Pattern FREEWAY = Pattern.compile("(\\d{1,4})-([NSEWnsew])(?:\\s+([0-9.]+)\\s*-\\s*([0-9.]+))?");
    private static final String FORMS = "write 'NAME: ID, ID, ...' (stations in driving order) or 'NAME: FWY-DIR [FROM-TO]' "
            + "(e.g. 'south-county: 5-S 10.5-31.0')";

    /** One definition: either the stations, or a freeway and direction with an optional postmile range. */
    public record Definition(String name, List<Integer> stations, int freeway, String direction, OptionalDouble fromPostmile,
                             OptionalDouble toPostmile, int line) {
        public boolean byStations() {
            return !stations.isEmpty();
        }
    }

    /** Thrown for a line that defines nothing; the message names the file and line. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private CorridorFile() {
    }

    /** The definitions in a file, in its order; a name defined twice is refused. */
    public static List<Definition> read(Path file) throws IOException, Invalid {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Definition> definitions = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int hash = text.indexOf('#');
            String line = (hash >= 0 ? text.substring(0, hash) : text).strip();
            if (line.isEmpty()) {
                continue;
            }
            Definition d = parse(file, i + 1, line);
            Definition earlier = definitions.putIfAbsent(d.name().toLowerCase(Locale.ROOT), d);
            if (earlier != null) {
                throw new Invalid(file + " line " + (i + 1) + ": corridor " + d.name() + " is defined already on line " + earlier.line()
                        + "; give each corridor one line");
            }
        }
        return List.copyOf(definitions.values());
    }

    private static Definition parse(Path file, int number, String line) throws Invalid {
        String where = file + " line " + number + ": ";
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new Invalid(where + "'" + line + "' has no 'NAME:'; " + FORMS);
        }
        String name = line.substring(0, colon).strip();
        String body = line.substring(colon + 1).strip();
        if (!Corridor.isValidName(name) || "all".equalsIgnoreCase(name)) {
            throw new Invalid(where + "'" + name + "' cannot name a corridor: use 1 to 64 letters, digits, '-', '_' or '.', and "
                    + "not 'all'");
        }
        Matcher freeway = FREEWAY.matcher(body);
        if (freeway.matches()) {
            OptionalDouble from = freeway.group(3) == null ? OptionalDouble.empty() : postmile(where, freeway.group(3));
            OptionalDouble to = freeway.group(4) == null ? OptionalDouble.empty() : postmile(where, freeway.group(4));
            if (from.isPresent() && from.getAsDouble() >= to.getAsDouble()) {
                throw new Invalid(where + "the postmile range " + freeway.group(3) + "-" + freeway.group(4) + " is empty; give the "
                        + "smaller absolute postmile first");
            }
            return new Definition(name, List.of(), Integer.parseInt(freeway.group(1)), freeway.group(2).toUpperCase(Locale.ROOT),
                    from, to, number);
        }
        List<Integer> stations = new ArrayList<>();
        for (String token : body.split("[,\\s]+")) {
            int id;
            try {
                id = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw new Invalid(where + "'" + token + "' is not a station id; " + FORMS);
            }
            if (id <= 0) {
                throw new Invalid(where + "station id " + id + " must be positive");
            }
            if (stations.contains(id)) {
                throw new Invalid(where + "station " + id + " is listed twice");
            }
            stations.add(id);
        }
        if (stations.size() < 2) {
            throw new Invalid(where + "a corridor needs at least two stations; " + FORMS);
        }
        return new Definition(name, stations, 0, "", OptionalDouble.empty(), OptionalDouble.empty(), number);
    }

    private static OptionalDouble postmile(String where, String text) throws Invalid {
        try {
            return OptionalDouble.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new Invalid(where + "'" + text + "' is not a postmile");
        }
    }
}
