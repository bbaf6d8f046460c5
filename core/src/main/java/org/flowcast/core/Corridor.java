package org.flowcast.core;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named road a model is trained for: its stations in driving order along it. A freeway and direction
 * from the PeMS metadata ({@code "5-N"}, mainline stations by absolute postmile), or a route a user
 * defined in a corridor file. Names are letters, digits, '-', '_' and '.', so that they can name files.
 */
public record Corridor(String name, List<Integer> stationIds, Source source) {
    /** Where a corridor's definition came from. */
    public enum Source {
        /** A freeway and direction of the station metadata. */
        METADATA,
        /** A corridor file. */
        FILE
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Corridor {
        Objects.requireNonNull(source, "source");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("a corridor name is 1 to 64 letters, digits, '-', '_' or '.', starting with a letter "
                    + "or digit; was '" + name + "'");
        }
        if ("all".equalsIgnoreCase(name)) {
            throw new IllegalArgumentException("'all' stands for every corridor and cannot name one");
        }
        stationIds = List.copyOf(stationIds);
        if (stationIds.isEmpty()) {
            throw new IllegalArgumentException("corridor " + name + " has no stations");
        }
        if (stationIds.stream().distinct().count() != stationIds.size()) {
            throw new IllegalArgumentException("corridor " + name + " lists a station twice");
        }
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
