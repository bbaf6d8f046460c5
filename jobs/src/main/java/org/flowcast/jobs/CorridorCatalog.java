package org.flowcast.jobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.flowcast.core.Corridor;
import org.flowcast.core.FlowcastHome;
import org.flowcast.core.PemsTime;
import org.flowcast.core.Station;
import org.flowcast.ingest.quality.StationQuality;
import org.flowcast.store.SeriesQuery;
import org.flowcast.store.StationQuery;
import org.flowcast.store.StoreException;

/**
 * The corridors of a database: every freeway and direction whose mainline stations have data, in
 * absolute-postmile order, and the corridors of a user's corridor file (which win where a name is
 * defined in both). Each comes with the span and coverage of its data.
 */
public final class CorridorCatalog {

    /** A corridor with what the store holds of it (coverage NaN and no range where it was not read). */
    public record Entry(Corridor corridor, String road, double fromPostmile, double toPostmile, int stationsWithData, double coverage,
                        Optional<Instant> first, Optional<Instant> last) {
        public String name() {
            return corridor.name();
        }
    }

    /**
     * A station's range, or a corridor's, may hold readings in this share of its 5-minute slots or less before it is said
     * to stretch over mostly nothing (a reading far from the rest, as one dated 2099 did).
     */
    static final double MOSTLY_EMPTY = 0.5;

    /** A day of 5-minute slots: a range shorter than this is not said to stretch over nothing, whatever it holds. */
    private static final long EMPTY_DAY_SLOTS = 288;

    /** The directions a freeway corridor is named by, as PeMS writes them. */
    private static final Set<String> DIRECTIONS = Set.of("N", "S", "E", "W");

    private final Map<String, Entry> entries;
    private final List<String> warnings;

    private CorridorCatalog(Map<String, Entry> entries, List<String> warnings) {
        this.entries = entries;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * The catalog of a database, with the corridors of {@code file} (none where it is empty; the default
     * file {@code corridors.txt} in the Flowcast home is read where it exists and no file is given).
     * Each entry's coverage and data range are read from every stored block ({@link StationService#perStation}).
     */
    public static CorridorCatalog of(Workspace workspace, Optional<Path> file) throws JobException {
        return of(StationService.perStation(workspace), file);
    }

    /**
     * The same corridors without reading every stored block: coverage is NaN and the data range empty. The
     * dashboard's corridor list reads the district's 600 stations this way in a fraction of the time.
     */
    public static CorridorCatalog withoutCoverage(Workspace workspace, Optional<Path> file) throws JobException {
        List<StationQuality> stations = new ArrayList<>();
        try {
            Set<Integer> withData = new SeriesQuery(workspace.database()).stationsWithReadings();
            for (Station s : new StationQuery(workspace.database()).all().values()) {
                long present = withData.contains(s.id()) ? 1 : 0;
                stations.add(new StationQuality(s, Optional.empty(), Optional.empty(), 0, present, Double.NaN, 0, 0, Map.of()));
            }
        } catch (StoreException e) {
            throw new JobException(e.getMessage(), e);
        }
        return of(stations, file);
    }

    private static CorridorCatalog of(List<StationQuality> qualities, Optional<Path> file) throws JobException {
        Map<Integer, StationQuality> byId = new LinkedHashMap<>();
        Map<String, List<StationQuality>> byRoad = new TreeMap<>(CorridorCatalog::compareRoads);
        List<String> warnings = new ArrayList<>();
        for (StationQuality q : qualities) {
            byId.put(q.station().id(), q);
            Station s = q.station();
            if (q.slotsPresent() > 0 && "ML".equals(s.laneType()) && s.freeway() > 0 && !s.direction().isBlank()) {
                if (DIRECTIONS.contains(s.direction())) {
                    byRoad.computeIfAbsent(s.corridor(), k -> new ArrayList<>()).add(q);
                } else {
                    // one station's odd metadata must not stop every corridor (it did: "a corridor name is ...")
                    warnings.add("station " + s.id() + " (freeway " + s.freeway() + ", direction '" + s.direction() + "') is in no "
                            + "corridor: a freeway corridor's direction is N, S, E or W; correct its Dir in the metadata file and "
                            + "ingest that again, or put it in a corridor file route");
                }
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, List<StationQuality>> road : byRoad.entrySet()) {
            List<StationQuality> ordered = new ArrayList<>(road.getValue());
            ordered.sort(ALONG_THE_ROAD);
            entries.put(road.getKey(), entry(new Corridor(road.getKey(), ordered.stream().map(q -> q.station().id()).toList(),
                    Corridor.Source.METADATA), road.getKey(), ordered));
        }
        Optional<Path> chosen = chosenFile(file);
        for (CorridorFile.Definition d : chosen.isEmpty() ? List.<CorridorFile.Definition>of() : definitions(chosen.get())) {
            String where = chosen.get() + " line " + d.line() + ": ";
            List<StationQuality> members;
            String road;
            if (d.byStations()) {
                members = new ArrayList<>();
                for (int id : d.stations()) {
                    StationQuality known = byId.get(id);
                    if (known == null || known.slotsPresent() == 0) {
                        warnings.add(where + "station " + id + " of corridor " + d.name() + (known == null ? " is not in the database"
                                : " has no data") + "; its coverage is that of the stations with data, and training or forecasting "
                                + "the corridor fails until it has some (or leave it out of the line)");
                    }
                    members.add(known == null ? emptyQuality(id) : known);
                }
                road = "stations";
            } else {
                road = d.freeway() + "-" + d.direction();
                members = new ArrayList<>(byRoad.getOrDefault(road, List.of()).stream()
                        .filter(q -> d.fromPostmile().isEmpty() || q.station().absolutePostmile() >= d.fromPostmile().getAsDouble())
                        .filter(q -> d.toPostmile().isEmpty() || q.station().absolutePostmile() <= d.toPostmile().getAsDouble())
                        .toList());
                members.sort(ALONG_THE_ROAD);
                if (members.isEmpty()) {
                    throw new JobException("corridor " + d.name() + " (line " + d.line() + " of its file) takes the mainline stations of "
                            + road + (d.fromPostmile().isPresent() ? " between postmiles " + d.fromPostmile().getAsDouble() + " and "
                            + d.toPostmile().getAsDouble() : "") + ", and the database has none with data there; 'flowcast corridors' "
                            + "lists what it has");
                }
            }
            entries.keySet().stream().filter(name -> name.equalsIgnoreCase(d.name())).findFirst().ifPresent(name -> {
                Entry replaced = entries.remove(name);
                if (replaced.corridor().source() == Corridor.Source.METADATA) {
                    warnings.add(where + "corridor " + d.name() + " takes the name of freeway corridor " + name + " of the metadata, "
                            + "which it replaces; give the line another name to keep both");
                }
            });
            entries.put(d.name(), entry(new Corridor(d.name(), members.stream().map(q -> q.station().id()).toList(),
                    Corridor.Source.FILE), road, members));
        }
        for (Entry e : entries.values()) {
            stretchedRange(e, byId).ifPresent(warnings::add);
        }
        return new CorridorCatalog(entries, warnings);
    }

    /**
     * A warning where a corridor's data range is mostly without readings (its stations' readings over their number
     * times the range's 5-minute slots): the station whose data reaches furthest from the rest is named.
     */
    private static Optional<String> stretchedRange(Entry e, Map<Integer, StationQuality> byId) {
        if (e.first().isEmpty() || e.last().isEmpty()) {
            return Optional.empty();
        }
        long slots = Duration.between(e.first().get(), e.last().get()).toMinutes() / 5 + 1;
        List<StationQuality> members = e.corridor().stationIds().stream().map(byId::get).filter(Objects::nonNull).toList();
        long present = members.stream().mapToLong(StationQuality::slotsPresent).sum();
        double share = (double) present / (slots * e.corridor().stationIds().size());
        if (slots < EMPTY_DAY_SLOTS || share > MOSTLY_EMPTY) {
            return Optional.empty();
        }
        StationQuality widest = members.stream().filter(q -> q.slotsSpanned() > 0)
                .min(Comparator.comparingDouble(StationQuality::coverage)).orElseThrow();
        return Optional.of(String.format(Locale.ROOT, "corridor %s: its data range %s to %s holds readings in %.1f%% of its "
                        + "stations' 5-minute slots, and training, evaluating and forecasting it read the whole range; station %d "
                        + "(%s to %s, %.1f%% of it with readings) reaches furthest from the rest: check it with 'flowcast "
                        + "stations', or give --from and --to", e.name(), PemsTime.format(e.first().get()),
                PemsTime.format(e.last().get()), 100 * share, widest.station().id(), PemsTime.format(widest.first().orElseThrow()),
                PemsTime.format(widest.last().orElseThrow()), 100 * widest.coverage()));
    }

    private static final Comparator<StationQuality> ALONG_THE_ROAD = Comparator
            .comparingDouble((StationQuality q) -> Double.isNaN(q.station().absolutePostmile()) ? Double.MAX_VALUE
                    : q.station().absolutePostmile())
            .thenComparingInt(q -> q.station().id());

    /** Freeways by number, then direction: 5-N, 5-S, 22-E, ..., 405-S. */
    private static int compareRoads(String a, String b) {
        int freewayA = Integer.parseInt(a.substring(0, a.indexOf('-')));
        int freewayB = Integer.parseInt(b.substring(0, b.indexOf('-')));
        return freewayA != freewayB ? Integer.compare(freewayA, freewayB) : a.compareTo(b);
    }

    /** The corridor file given, else the default one where it exists. */
    private static Optional<Path> chosenFile(Optional<Path> file) {
        Path chosen = file.orElse(FlowcastHome.path().resolve(CorridorFile.DEFAULT_NAME));
        return file.isEmpty() && !Files.isRegularFile(chosen) ? Optional.empty() : Optional.of(chosen);
    }

    private static List<CorridorFile.Definition> definitions(Path chosen) throws JobException {
        try {
            return CorridorFile.read(chosen);
        } catch (NoSuchFileException e) {
            throw new JobException("the corridor file " + chosen + " does not exist; give an existing file to --corridors");
        } catch (IOException e) {
            throw new JobException("the corridor file " + chosen + " cannot be read: " + e.getMessage());
        } catch (CorridorFile.Invalid e) {
            throw new JobException(e.getMessage());
        }
    }

    private static StationQuality emptyQuality(int id) {
        return new StationQuality(Station.unknown(id), Optional.empty(), Optional.empty(), 0, 0, Double.NaN, 0, 0, Map.of());
    }

    private static Entry entry(Corridor corridor, String road, List<StationQuality> members) {
        double from = members.stream().mapToDouble(q -> q.station().absolutePostmile()).filter(v -> !Double.isNaN(v)).min()
                .orElse(Double.NaN);
        double to = members.stream().mapToDouble(q -> q.station().absolutePostmile()).filter(v -> !Double.isNaN(v)).max()
                .orElse(Double.NaN);
        long spanned = members.stream().mapToLong(StationQuality::slotsSpanned).sum();
        long present = members.stream().mapToLong(StationQuality::slotsPresent).sum();
        Optional<Instant> first = members.stream().flatMap(q -> q.first().stream()).min(Comparator.naturalOrder());
        Optional<Instant> last = members.stream().flatMap(q -> q.last().stream()).max(Comparator.naturalOrder());
        int withData = (int) members.stream().filter(q -> q.slotsPresent() > 0).count();
        double coverage = spanned == 0 ? (present > 0 ? Double.NaN : 0) : (double) present / spanned;
        return new Entry(corridor, road, from, to, withData, coverage, first, last);
    }

    /**
     * What the catalog has to say of the stations and corridors it read: a station that cannot form a corridor (and is
     * left out), a corridor file's route with a station the database lacks or one that takes a freeway corridor's name,
     * a corridor whose data range is mostly without readings. The corridors are listed all the same.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** Every corridor: freeways by number and direction, then the corridor file's in its order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * The corridors named, in the order named; {@code all} (alone) is every corridor. An unknown name is
     * refused with the names there are.
     */
    public List<Corridor> choose(List<String> names) throws JobException {
        if (names.size() == 1 && "all".equalsIgnoreCase(names.get(0))) {
            if (entries.isEmpty()) {
                throw new JobException("the database has no corridor: no mainline station with freeway and direction metadata has data. "
                        + "Ingest the district's dNN_text_meta file, or define corridors in a corridor file (--corridors FILE)");
            }
            return entries.values().stream().map(Entry::corridor).toList();
        }
        List<Corridor> chosen = new ArrayList<>();
        for (String name : names) {
            if ("all".equalsIgnoreCase(name)) {
                throw new JobException("--corridor all stands for every corridor; give it alone");
            }
            Entry e = entries.get(name);
            if (e == null) {
                e = entries.values().stream().filter(x -> x.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                        .findFirst().orElseThrow(() -> new JobException("there is no corridor '" + name + "'; the database has "
                                + (entries.isEmpty() ? "none" : String.join(", ", entries.keySet()))
                                        + " ('flowcast corridors' lists them)"));
            }
            if (chosen.contains(e.corridor())) {
                throw new JobException("corridor " + e.name() + " is named twice");
            }
            chosen.add(e.corridor());
        }
        return chosen;
    }
}
